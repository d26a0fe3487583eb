#pragma once
/// The credential provider chain, in the AWS CLI v2's order:
///   explicit overrides > environment keys (skipped when the profile was chosen explicitly, like
///   `--profile`) > assume-role profile > web-identity profile > SSO profile > credentials file >
///   credential_process > config file > container credentials > instance metadata.
/// Each provider is a small component of its own (src/auth/<provider>.{h,cc}) exposing a loader of
/// the `ProviderLoader` shape; this file composes them.

#include <memory>
#include <string>

#include "auth/endpoints.h"
#include "auth/shared_files.h"
#include "ec2/config.h"
#include "ec2/credentials.h"

namespace ec2::auth {

/// What the chain looks at. Providers copy what they keep: they outlive these references.
struct CredentialSources {
  const ConfigOverrides& overrides;
  const Environment& env;
  const SharedFiles& files;
  std::string profile;
  bool profile_explicit = false;  ///< Chosen by ConfigOverrides::profile (not by AWS_PROFILE).
  std::string region;             ///< The active profile's region (STS's regional endpoint).
  EndpointSources endpoints;      ///< The active profile's endpoint settings (STS, SSO, ...).
  CredentialServices services;    ///< With every member set (see with_defaults).
  std::string ca_bundle;          ///< For the transports providers make.
};

/// A provider, null when the profile has no settings for it (the chain goes on), or an error
/// when its settings are there but wrong or fetching failed.
using MaybeProvider = Result<std::shared_ptr<CredentialsProvider>>;

/// One link of the chain for `profile`. `use_env`: whether environment variables may be read
/// (false for source profiles, as in the CLI).
using ProviderLoader = MaybeProvider (*)(const CredentialSources& sources, const std::string& profile,
                                         bool use_env);

/// Finds the provider for `sources.profile` or explains, naming the places looked at, how to
/// provide credentials.
MaybeProvider resolve_credentials(const CredentialSources& sources);

/// The credentials of a `source_profile`: the chain from web identity on, without environment
/// variables. Null when the profile has none.
MaybeProvider source_profile_credentials(const CredentialSources& sources, const std::string& profile);

/// The provider named by `credential_source` (Environment, Ec2InstanceMetadata, EcsContainer) in
/// `profile`; an InvalidConfig error for other names.
MaybeProvider credential_source_provider(const CredentialSources& sources, const std::string& name,
                                         const std::string& profile);

/// A transport for provider calls (STS, SSO, metadata) with the configured CA bundle.
std::shared_ptr<HttpTransport> provider_transport(const CredentialSources& sources);

}  // namespace ec2::auth
