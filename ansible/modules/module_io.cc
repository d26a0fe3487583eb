// Module accessors, results and the main loop of a binary module (arguments file in, JSON out).
#include <fstream>
#include <iostream>
#include <sstream>

#include "module.h"

namespace ec2::ansible {

using nlohmann::json;

bool Module::is_set(const std::string& name) const {
  return params_.contains(name) && !params_[name].is_null();
}

std::optional<std::string> Module::str(const std::string& name) const {
  if (!is_set(name)) return std::nullopt;
  return params_[name].get<std::string>();
}

std::optional<bool> Module::flag(const std::string& name) const {
  if (!is_set(name)) return std::nullopt;
  return params_[name].get<bool>();
}

std::optional<long long> Module::integer(const std::string& name) const {
  if (!is_set(name)) return std::nullopt;
  return params_[name].get<long long>();
}

std::optional<std::vector<std::string>> Module::list(const std::string& name) const {
  if (!is_set(name)) return std::nullopt;
  return params_[name].get<std::vector<std::string>>();
}

const json& Module::dict(const std::string& name) const {
  static const json null;
  return is_set(name) ? params_[name] : null;
}

ModuleExit exit_json(json result) {
  if (!result.contains("changed")) result["changed"] = false;
  return {std::move(result), false};
}

ModuleExit fail_json(std::string msg, json extra) {
  extra["msg"] = std::move(msg);
  return {std::move(extra), true};
}

ModuleExit fail_aws(const Error& error, const std::string& msg) {
  json extra = json::object();
  if (!error.code.empty()) {
    extra["error"] = {{"code", error.code}, {"message", error.message}};
    extra["response_metadata"] = {{"http_status_code", error.http_status}, {"request_id", error.request_id}};
  }
  std::string text = msg.empty() ? to_string(error) : msg + ": " + error.code + ": " + error.message;
  if (!msg.empty() && error.code.empty()) text = msg + ": " + error.message;
  return fail_json(std::move(text), std::move(extra));
}

namespace {

/// The options with no_log values masked, as Ansible's `invocation.module_args`.
json invocation_args(const ModuleSpec& spec, const json& params) {
  json args = params;
  for (const auto& arg : spec.args) {
    if (arg.no_log && args.contains(arg.name) && !args[arg.name].is_null()) {
      args[arg.name] = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";
    }
  }
  return args;
}

/// Prints `result` as the module's single JSON answer; returns the exit status.
int emit(json result, bool failed) {
  if (failed) result["failed"] = true;
  std::cout << result.dump(-1, ' ', false, json::error_handler_t::replace) << std::endl;
  return failed ? 1 : 0;
}

Result<json> read_arguments(int argc, char** argv) {
  if (argc < 2) {
    return make_error(ErrorCategory::Config, "NoArguments",
                      "No argument file given: run this module from Ansible (module ARGS_FILE)");
  }
  std::ifstream in(argv[1]);
  if (!in) return make_error(ErrorCategory::Io, "ArgumentsUnreadable", std::string("cannot read ") + argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  json raw = json::parse(text.str(), nullptr, false);
  if (raw.is_discarded() || !raw.is_object()) {
    return make_error(ErrorCategory::Client, "ArgumentsMalformed",
                      "Unable to parse the module arguments: the arguments file must hold a JSON object");
  }
  if (raw.contains("ANSIBLE_MODULE_ARGS")) raw = raw["ANSIBLE_MODULE_ARGS"];
  return raw;
}

}  // namespace

int run_module(const ModuleSpec& spec, int argc, char** argv, const std::function<ModuleExit(Module&)>& body) {
  try {
    auto raw = read_arguments(argc, argv);
    if (!raw) return emit({{"msg", raw.error().message}}, true);
    auto module = validate_arguments(spec, *raw);
    if (!module) return emit({{"msg", module.error().message}}, true);
    ModuleExit exit = body(*module);
    json& result = exit.result;
    result["invocation"] = {{"module_args", invocation_args(spec, module->params())}};
    if (!module->warnings().empty()) result["warnings"] = module->warnings();
    return emit(std::move(result), exit.failed);
  } catch (const std::exception& e) {
    return emit({{"msg", std::string("Unexpected failure: ") + e.what()}}, true);
  } catch (...) {
    return emit({{"msg", "Unexpected failure"}}, true);
  }
}

}  // namespace ec2::ansible
