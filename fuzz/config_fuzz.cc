// Fuzzes the shared config/credentials file reader: INI parsing (with nested sub-sections),
// profile/services section mapping and the shell splitting used for credential_process.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "auth/credential_process.h"
#include "auth/ini.h"
#include "auth/shared_files.h"
#include "auth/shell_split.h"

namespace {

/// Invariants of a successful parse; a violation aborts so libFuzzer reports it.
void check(const ec2::auth::IniFile& file) {
  for (const auto& section : file.sections) {
    if (section.name.empty() || section.line < 1) std::abort();
    for (const auto& [key, value] : section.values) {
      if (key.empty()) std::abort();
      for (char c : key) {
        if (c >= 'A' && c <= 'Z') std::abort();  // Keys are lowercased.
      }
      if (!value.is_nested && value.text.find('\n') == 0) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = ec2::auth::parse_ini(text, "fuzz");
  if (!file.ok()) {
    if (file.error().message.rfind("fuzz:", 0) != 0) std::abort();  // Errors name file and line.
    return 0;
  }
  check(*file);
  ec2::auth::SharedFiles shared;
  ec2::auth::map_config_sections(*file, shared);
  for (const auto& [name, settings] : shared.config_profiles) {
    if (const std::string* command = ec2::auth::setting(settings, "credential_process")) {
      (void)ec2::auth::shell_split(*command);
    }
    if (const std::string* expiry = ec2::auth::setting(settings, "expiration")) {
      (void)ec2::auth::parse_iso8601(*expiry);
    }
  }
  (void)ec2::auth::shell_split(text);
  return 0;
}
