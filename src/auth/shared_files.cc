#include "auth/shared_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "auth/shell_split.h"

namespace ec2::auth {
namespace {

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// Reads `path`; an absent path or a non-regular file reads as empty (like the CLI).
Result<std::string> read_if_present(const std::string& path, const std::string& display) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCategory::Io, "ConfigReadError",
                      "cannot read " + display + " (" + path + "): " + std::strerror(errno));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// `prefix NAME` (NAME possibly quoted) → NAME; nullopt when the header has another shape.
std::optional<std::string> named_section(const std::string& header, std::string_view prefix) {
  if (!header.starts_with(prefix)) return std::nullopt;
  auto words = shell_split(header);
  if (!words || words->size() != 2) return std::nullopt;
  return (*words)[1];
}

Result<IniFile> load_ini(const std::string& display, const Environment& env) {
  auto text = read_if_present(expand_path(display, env), display);
  if (!text) return text.error();
  return parse_ini(*text, display);
}

}  // namespace

bool SharedFiles::has_profile(const std::string& profile) const {
  return config_profiles.count(profile) != 0 || credentials.count(profile) != 0;
}

Settings SharedFiles::merged_profile(const std::string& profile) const {
  Settings out;
  if (auto it = config_profiles.find(profile); it != config_profiles.end()) out = it->second;
  if (auto it = credentials.find(profile); it != credentials.end()) {
    for (const auto& [key, value] : it->second) out[key] = value;
  }
  return out;
}

std::string expand_path(std::string_view path, const Environment& env) {
  std::string out;
  for (size_t i = 0; i < path.size();) {
    if (path[i] == '$' && i + 1 < path.size()) {
      bool braced = path[i + 1] == '{';
      size_t start = i + (braced ? 2 : 1);
      size_t end = start;
      while (end < path.size() && is_name_char(path[end])) ++end;
      bool closed = !braced || (end < path.size() && path[end] == '}');
      if (end > start && closed) {
        auto value = env.get(path.substr(start, end - start));
        if (value) {
          out += *value;
          i = end + (braced ? 1 : 0);
          continue;
        }
      }
    }
    out.push_back(path[i++]);
  }
  if (out == "~" || out.starts_with("~/")) out = env.home() + out.substr(1);
  return out;
}

void map_config_sections(const IniFile& file, SharedFiles& out) {
  for (const IniSection& section : file.sections) {
    if (section.name == "default") {
      out.config_profiles[section.name] = section.values;
    } else if (auto name = named_section(section.name, "profile")) {
      out.config_profiles[*name] = section.values;
    } else if (auto service = named_section(section.name, "services")) {
      out.services[*service] = section.values;
    } else if (auto session = named_section(section.name, "sso-session")) {
      out.sso_sessions[*session] = section.values;
    }
  }
}

Result<SharedFiles> load_shared_files(const Environment& env) {
  SharedFiles files;
  auto nonempty = [&](std::string_view name) {
    auto v = env.get(name);
    return v && !v->empty() ? v : std::nullopt;
  };
  files.config_path = nonempty("AWS_CONFIG_FILE").value_or("~/.aws/config");
  files.credentials_path = nonempty("AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials");

  auto config = load_ini(files.config_path, env);
  if (!config) return config.error();
  map_config_sections(*config, files);

  auto credentials = load_ini(files.credentials_path, env);
  if (!credentials) return credentials.error();
  for (const IniSection& section : credentials->sections) {
    files.credentials[section.name] = section.values;
  }
  return files;
}

const std::string* setting(const Settings& settings, std::string_view key) {
  auto it = settings.find(std::string(key));
  if (it == settings.end() || it->second.is_nested) return nullptr;
  return &it->second.text;
}

}  // namespace ec2::auth
