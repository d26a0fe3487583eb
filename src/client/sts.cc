// get_caller_identity (include/ec2/sts.h) on top of the STS calls of the credential providers.
#include "ec2/sts.h"

#include "auth/endpoints.h"
#include "auth/sts.h"

namespace ec2 {

Result<CallerIdentity> get_caller_identity(const Client& client) {
  auto credentials = client.credentials();
  if (!credentials) return credentials.error();
  const ResolvedConfig& config = client.config();
  std::string url = config.sts_endpoint_url.empty()
                        ? auth::default_service_endpoint(auth::ServiceId::Sts, config.region)
                        : config.sts_endpoint_url;
  // Non-owning handles: the transport, clock and retry policy live as long as the client they belong to.
  std::shared_ptr<HttpTransport> transport(std::shared_ptr<HttpTransport>(), &client.transport());
  std::shared_ptr<Clock> clock(std::shared_ptr<Clock>(), &client.clock());
  std::shared_ptr<RetryPolicy> retry(std::shared_ptr<RetryPolicy>(), &client.retry_policy());
  auto identity = auth::sts_get_caller_identity(auth::StsEndpoint{url, config.region, transport, clock, retry},
                                                *credentials);
  if (!identity) return identity.error().with_context("get caller identity");
  return CallerIdentity{identity->account, identity->arn, identity->user_id};
}

}  // namespace ec2
