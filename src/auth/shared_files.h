#pragma once
/// Loading ~/.aws/config and ~/.aws/credentials (or the files AWS_CONFIG_FILE and
/// AWS_SHARED_CREDENTIALS_FILE name) into profiles, the way the AWS CLI maps their sections.

#include <map>
#include <string>
#include <string_view>

#include "auth/ini.h"
#include "ec2/config.h"

namespace ec2::auth {

using Settings = std::map<std::string, IniValue>;

/// The two shared files, parsed.
struct SharedFiles {
  std::string config_path;       ///< As given by the user (`~/.aws/config`), for messages.
  std::string credentials_path;  ///< Likewise (`~/.aws/credentials`).
  std::map<std::string, Settings> config_profiles;  ///< `[default]`, `[profile NAME]`.
  std::map<std::string, Settings> services;         ///< `[services NAME]`.
  std::map<std::string, Settings> sso_sessions;     ///< `[sso-session NAME]`.
  std::map<std::string, Settings> credentials;      ///< Every section of the credentials file.

  /// True when either file has a section for `profile`.
  bool has_profile(const std::string& profile) const;
  /// The profile's config-file settings overlaid with its credentials-file settings (the CLI
  /// lets either file carry any setting; the credentials file wins).
  Settings merged_profile(const std::string& profile) const;
};

/// Expands `$VAR`, `${VAR}` and a leading `~` (as the CLI does for the file-location variables).
std::string expand_path(std::string_view path, const Environment& env);

/// Reads and parses both files. A file that does not exist counts as empty; one that cannot be
/// read or parsed is an error naming it (and the line).
Result<SharedFiles> load_shared_files(const Environment& env);

/// Maps the sections of a parsed config file: `[default]` and `[profile NAME]` become profiles,
/// `[services NAME]` service blocks, `[sso-session NAME]` SSO sessions; other sections are
/// ignored. `NAME` may be quoted.
void map_config_sections(const IniFile& file, SharedFiles& out);

/// Plain value of `key` in `settings`, or nullptr.
const std::string* setting(const Settings& settings, std::string_view key);

}  // namespace ec2::auth
