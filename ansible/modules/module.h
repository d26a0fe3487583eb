#pragma once
/// Framework of the binary Ansible modules. Ansible runs a binary module as `module ARGS_FILE`
/// (a JSON object: the task's arguments plus `_ansible_check_mode`, `_ansible_diff`, ...) and reads
/// one JSON object from stdout. `run_module` reads and validates the arguments as Ansible's argument
/// spec does (types, aliases, defaults, choices, required, required_if, mutually_exclusive,
/// required_one_of, no_log) with Ansible's messages, runs the module body, and prints the result
/// with `invocation.module_args` and warnings. Every failure, an unexpected exception included, is
/// a clean `failed: true` object, never a crash.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/client.h"
#include "ec2/error.h"

namespace ec2::ansible {

/// Ansible's argument types.
enum class ArgType { Str, List, Dict, Bool, Int, Float, Path, Raw };

/// One option of a module (one entry of Ansible's argument_spec).
struct ArgSpec {
  std::string name;
  ArgType type = ArgType::Str;
  ArgType elements = ArgType::Str;  ///< Element type of a List.
  bool required = false;
  nlohmann::json default_value;  ///< null: no default (the option is null when not given).
  std::vector<std::string> choices;
  std::vector<std::string> aliases;
  bool no_log = false;  ///< Masked in `invocation.module_args`.
};

/// `required_if`: when `key` equals `value`, `requirements` must be set (any one with `any`).
struct RequiredIf {
  std::string key;
  nlohmann::json value;
  std::vector<std::string> requirements;
  bool any = false;
};

/// A module's whole argument specification.
struct ModuleSpec {
  std::string name;  ///< Used in "Unsupported parameters for (<name>) module".
  std::vector<ArgSpec> args;
  std::vector<std::vector<std::string>> mutually_exclusive;
  std::vector<std::vector<std::string>> required_one_of;
  std::vector<std::vector<std::string>> required_together;
  std::vector<RequiredIf> required_if;
  bool supports_check_mode = true;

  /// Appends an option (a module's spec() lists its options with this, one line each).
  ModuleSpec& add(std::string name, ArgType type, nlohmann::json default_value = nullptr,
                  std::vector<std::string> choices = {}, std::vector<std::string> aliases = {});
};

/// The AWS connection options every AWS module takes (region, profile, endpoint_url, access_key,
/// secret_key, session_token, validate_certs, aws_ca_bundle, aws_config, debug_botocore_endpoint_logs
/// with amazon.aws's aliases: aws_region/ec2_region, aws_profile, aws_endpoint_url/ec2_url, ...).
std::vector<ArgSpec> aws_common_args();

/// A validated invocation.
class Module {
 public:
  Module(nlohmann::json params, bool check_mode, bool diff_mode)
      : params_(std::move(params)), check_mode_(check_mode), diff_mode_(diff_mode) {}

  /// Every option of the spec, converted, defaults applied, null when unset.
  const nlohmann::json& params() const { return params_; }
  bool is_set(const std::string& name) const;
  std::optional<std::string> str(const std::string& name) const;
  std::optional<bool> flag(const std::string& name) const;
  std::optional<long long> integer(const std::string& name) const;
  std::optional<std::vector<std::string>> list(const std::string& name) const;
  /// A Dict option (null when unset).
  const nlohmann::json& dict(const std::string& name) const;

  bool check_mode() const { return check_mode_; }
  bool diff_mode() const { return diff_mode_; }

  /// Adds a line to the result's `warnings`.
  void warn(std::string message) { warnings_.push_back(std::move(message)); }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  nlohmann::json params_;
  bool check_mode_ = false;
  bool diff_mode_ = false;
  std::vector<std::string> warnings_;
};

/// What a module body returns: the result object (`changed`, results, `diff`, ...) and whether it
/// failed (then `result` holds `msg`).
struct ModuleExit {
  nlohmann::json result = nlohmann::json::object();
  bool failed = false;
};

/// A successful exit; `result` should hold `changed`.
ModuleExit exit_json(nlohmann::json result);
/// A failed exit with `msg` and extra fields.
ModuleExit fail_json(std::string msg, nlohmann::json extra = nlohmann::json::object());
/// A failed exit for an AWS error, as amazon.aws's fail_json_aws: `msg` is `<msg>: <Code>:
/// <Message>` (or the error's own text when `msg` is empty), with `error` (`code`, `message`)
/// and `response_metadata` (`http_status_code`, `request_id`).
ModuleExit fail_aws(const Error& error, const std::string& msg = {});

/// Validates `raw` (the arguments file's object) against `spec`: returns the Module, or the
/// failure message Ansible's argument spec would give.
Result<Module> validate_arguments(const ModuleSpec& spec, const nlohmann::json& raw);

/// A Client for the module's AWS options (region, profile, endpoint_url, credentials,
/// validate_certs, aws_ca_bundle), resolved with the environment as the AWS SDKs do.
Result<Client> make_client(const Module& module);

/// Main of a binary module: reads argv[1], validates, runs `body`, prints one JSON object to
/// stdout. Returns the process exit status (0 ok, 1 failed).
int run_module(const ModuleSpec& spec, int argc, char** argv,
               const std::function<ModuleExit(Module&)>& body);

}  // namespace ec2::ansible
