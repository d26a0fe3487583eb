#include "assumed_role.h"

#include <memory>
#include <utility>

#include "auth/endpoints.h"
#include "auth/refreshing_credentials.h"
#include "auth/sts.h"

namespace ec2::inventory {
namespace {

/// Where STS calls of `config` go: its STS endpoint, else the region's default.
std::string sts_url(const ResolvedConfig& config) {
  if (!config.sts_endpoint_url.empty()) return config.sts_endpoint_url;
  return auth::default_service_endpoint(auth::ServiceId::Sts, config.region);
}

/// What a caller's credentials are called in --debug output.
std::string describe(const Credentials& credentials) {
  return credentials.identity.empty() ? credentials.source : credentials.identity;
}

}  // namespace

Result<Client> assume_role_client(const Client& caller, const RoleToAssume& role) {
  // The caller's transport, clock and retry policy stay alive as long as a handle to them does.
  auto keep = std::make_shared<const Client>(caller);
  const ResolvedConfig& config = keep->config();
  auth::StsEndpoint endpoint{sts_url(config), config.region,
                             std::shared_ptr<HttpTransport>(keep, &keep->transport()),
                             std::shared_ptr<Clock>(keep, &keep->clock()),
                             std::shared_ptr<RetryPolicy>(keep, &keep->retry_policy())};
  auth::AssumeRoleRequest request;
  request.role_arn = role.role_arn;
  request.role_session_name = role.session_name;
  auto fetch = [keep, endpoint, request]() -> Result<Credentials> {
    auto source = keep->credentials();
    if (!source) return source.error();
    auto assumed = auth::sts_assume_role(endpoint, *source, request);
    if (!assumed) return assumed.error().with_context("assume role " + request.role_arn);
    Credentials credentials = assumed->credentials;
    credentials.source = "assume-role";
    credentials.identity = "assume-role: " + (assumed->arn.empty() ? request.role_arn : assumed->arn) +
                           ", as " + describe(*source);
    return credentials;
  };
  auto provider = auth::refreshing_credentials(fetch, endpoint.clock);
  auto first = provider->get();
  if (!first) return first.error();
  ClientOptions options;
  options.config = config;
  options.config.credentials = *first;
  options.config.credentials_provider = std::move(provider);
  options.transport = endpoint.transport;
  options.clock = endpoint.clock;
  options.retry = endpoint.retry;
  options.random = std::shared_ptr<Random>(keep, &keep->random());
  return Client(std::move(options));
}

}  // namespace ec2::inventory
