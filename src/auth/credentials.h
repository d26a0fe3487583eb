#pragma once
/// The credential provider chain, in the AWS CLI's order:
///   explicit overrides > environment (skipped when the profile was chosen explicitly, like
///   `--profile`) > credentials file > credential_process > config file.

#include <chrono>
#include <string>

#include "auth/shared_files.h"
#include "ec2/config.h"

namespace ec2::auth {

/// What the chain looks at.
struct CredentialSources {
  const ConfigOverrides& overrides;
  const Environment& env;
  const SharedFiles& files;
  std::string profile;
  bool profile_explicit = false;  ///< Chosen by ConfigOverrides::profile (not by AWS_PROFILE).
  std::chrono::system_clock::time_point now;
};

/// Finds credentials or explains, naming the places looked at, how to provide them.
Result<Credentials> resolve_credentials(const CredentialSources& sources);

}  // namespace ec2::auth
