#include "config_locate.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace ec2::inventory {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string expand_user(const std::string& path, const Environment& env) {
  if (path == "~" || path.rfind("~/", 0) == 0) return env.home() + path.substr(1);
  return path;
}

/// `dir/<stem>.ini` and `dir/ec2.ini` for a program path.
void add_beside(const std::filesystem::path& program, std::vector<std::string>& out) {
  std::filesystem::path dir = program.parent_path();
  std::string stem = program.filename().string();
  if (ends_with(stem, ".py")) stem.resize(stem.size() - 3);
  for (const std::string& name : {stem + ".ini", std::string("ec2.ini")}) {
    std::string candidate = (dir / name).string();
    if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
  }
}

std::string real_executable() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : path.string();
}

bool is_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

Result<ConfigSyntax> syntax_of(const std::string& path) {
  if (ends_with(path, ".ini")) return ConfigSyntax::Ini;
  if (ends_with(path, "aws_ec2.yml") || ends_with(path, "aws_ec2.yaml")) return ConfigSyntax::AwsEc2;
  return make_error(ErrorCategory::Config, "UnknownConfigSyntax",
                    path + ": cannot tell the syntax from the name: ec2.ini files end in '.ini', "
                           "aws_ec2 plugin files in 'aws_ec2.yml' or 'aws_ec2.yaml'");
}

std::vector<std::string> default_candidates(const std::string& invoked, const std::string& real) {
  std::vector<std::string> out;
  if (invoked.find('/') != std::string::npos) add_beside(invoked, out);
  if (!real.empty()) add_beside(real, out);
  return out;
}

Result<ConfigChoice> locate_config(const std::string& cli_config, const std::string& invoked,
                                   const Environment& env) {
  std::string named = cli_config;
  std::string origin = "--config";
  if (named.empty()) {
    if (auto from_env = env.get("EC2_INI_PATH"); from_env && !from_env->empty()) {
      named = expand_user(*from_env, env);
      origin = "EC2_INI_PATH";
    }
  }
  if (!named.empty()) {
    if (!is_file(named)) {
      return make_error(ErrorCategory::Config, "ConfigNotFound",
                        named + " (from " + origin + "): no such file");
    }
    auto syntax = syntax_of(named);
    if (!syntax) return syntax.error();
    return ConfigChoice{named, *syntax};
  }
  for (const std::string& candidate : default_candidates(invoked, real_executable())) {
    if (is_file(candidate)) return ConfigChoice{candidate, ConfigSyntax::Ini};
  }
  return ConfigChoice{};
}

}  // namespace ec2::inventory
