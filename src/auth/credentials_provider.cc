// The generic pieces of include/ec2/credentials.h: fixed providers and the real services.
#include "auth/terminal_prompt.h"
#include "ec2/credentials.h"

namespace ec2 {
namespace {

class FixedCredentials final : public CredentialsProvider {
 public:
  explicit FixedCredentials(Credentials credentials) : credentials_(std::move(credentials)) {}
  Result<Credentials> get() override { return credentials_; }

 private:
  const Credentials credentials_;
};

}  // namespace

std::shared_ptr<CredentialsProvider> fixed_credentials(Credentials credentials) {
  return std::make_shared<FixedCredentials>(std::move(credentials));
}

CredentialServices with_defaults(CredentialServices services) {
  if (!services.transport) {
    services.transport = [](const TransportOptions& options) -> std::shared_ptr<HttpTransport> {
      return make_curl_transport(options);
    };
  }
  if (!services.clock) services.clock = system_clock();
  if (!services.prompt) services.prompt = auth::terminal_prompt;
  if (!services.interactive) services.interactive = auth::stdin_is_terminal;
  return services;
}

}  // namespace ec2
