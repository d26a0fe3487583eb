// Test tool: prints what `aws sts get-caller-identity --output json [--profile P]` prints (UserId,
// Account, Arn) for the credentials libec2 resolves from the environment and ~/.aws files, and the
// provider that supplied them as a fourth member, "Provider". Errors go to stderr with exit code 1.
//
// Usage: caller_identity [PROFILE]   (PROFILE is chosen explicitly, like the CLI's --profile)
#include <cstdio>

#include <nlohmann/json.hpp>

#include "ec2/client.h"
#include "ec2/sts.h"

int main(int argc, char** argv) {
  ec2::ConfigOverrides overrides;
  if (argc > 1) overrides.profile = argv[1];
  auto client = ec2::Client::create(overrides);
  if (!client) {
    std::fprintf(stderr, "caller_identity: %s\n", ec2::to_string(client.error()).c_str());
    return 1;
  }
  auto identity = ec2::get_caller_identity(*client);
  if (!identity) {
    std::fprintf(stderr, "caller_identity: %s\n", ec2::to_string(identity.error()).c_str());
    return 1;
  }
  auto credentials = client->credentials();
  nlohmann::ordered_json out = {{"UserId", identity->user_id},
                                {"Account", identity->account},
                                {"Arn", identity->arn},
                                {"Provider", credentials ? credentials->source : ""}};
  std::printf("%s\n", out.dump(4).c_str());
  return 0;
}
