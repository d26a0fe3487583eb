// get_caller_identity and with_assumed_role (include/ec2/sts.h) on top of the STS calls, the
// refreshing provider and the AWS CLI cache of the credential providers.
#include "ec2/sts.h"

#include "auth/assume_role.h"
#include "auth/cli_cache.h"
#include "auth/endpoints.h"
#include "auth/refreshing_credentials.h"
#include "auth/sts.h"

namespace ec2 {
namespace {

/// The client's STS endpoint: its configured one, else the regional default.
std::string sts_url(const ResolvedConfig& config) {
  return config.sts_endpoint_url.empty() ? auth::default_service_endpoint(auth::ServiceId::Sts, config.region)
                                         : config.sts_endpoint_url;
}

/// One AssumeRole of `request` with `source`'s credentials, through the CLI's cache when set.
struct RoleFetch {
  Client source;
  auth::AssumeRoleRequest request;
  std::optional<auth::CliCache> cache;
  std::string cache_key;

  Credentials finish(const auth::AssumedRole& role, const std::string& how) const {
    Credentials c = role.credentials;
    c.source = "assume-role";
    c.identity = "assume-role: " + (role.arn.empty() ? request.role_arn : role.arn) + ", " + how;
    return c;
  }

  Result<Credentials> operator()() const {
    if (cache) {
      if (auto cached = cache->load(cache_key, source.clock().now())) return finish(*cached, "from " + cache->dir());
    }
    auto caller = source.credentials();
    if (!caller) return caller.error();
    const ClientOptions& o = source.options();
    const ResolvedConfig& config = o.config;
    auth::StsEndpoint endpoint{sts_url(config), config.region, o.transport, o.clock, o.retry};
    auto role = auth::sts_assume_role(endpoint, *caller, request);
    if (!role) return role.error().with_context("assume role " + request.role_arn);
    if (cache) (void)cache->store(cache_key, *role);  // a cache that cannot be written only costs a later call
    return finish(*role, "assumed with " + (caller->identity.empty() ? caller->source : caller->identity));
  }
};

}  // namespace

Result<CallerIdentity> get_caller_identity(const Client& client) {
  auto credentials = client.credentials();
  if (!credentials) return credentials.error();
  const ResolvedConfig& config = client.config();
  // Non-owning handles: the transport, clock and retry policy live as long as the client they belong to.
  std::shared_ptr<HttpTransport> transport(std::shared_ptr<HttpTransport>(), &client.transport());
  std::shared_ptr<Clock> clock(std::shared_ptr<Clock>(), &client.clock());
  std::shared_ptr<RetryPolicy> retry(std::shared_ptr<RetryPolicy>(), &client.retry_policy());
  auto identity = auth::sts_get_caller_identity(auth::StsEndpoint{sts_url(config), config.region, transport, clock, retry},
                                                *credentials);
  if (!identity) return identity.error().with_context("get caller identity");
  return CallerIdentity{identity->account, identity->arn, identity->user_id};
}

Result<Client> with_assumed_role(const Client& client, AssumeRoleOptions options) {
  RoleFetch fetch{client, {}, std::nullopt, ""};
  fetch.request.role_arn = std::move(options.role_arn);
  fetch.request.role_session_name = std::move(options.role_session_name);
  fetch.request.external_id = std::move(options.external_id);
  fetch.request.duration_seconds = options.duration_seconds;
  if (!options.cache_dir.empty()) {
    fetch.cache.emplace(std::move(options.cache_dir));
    fetch.cache_key = auth::assume_role_cache_key(fetch.request, true);
  }
  ClientOptions assumed = client.options();
  assumed.config.credentials_provider = auth::refreshing_credentials(std::move(fetch), assumed.clock);
  auto first = assumed.config.credentials_provider->get();
  if (!first) return first.error();
  assumed.config.credentials = *first;
  return Client(std::move(assumed));
}

std::string aws_cli_cache_dir(const Environment& env) { return auth::cli_cache_dir(env); }

}  // namespace ec2
