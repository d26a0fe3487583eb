#include "faults.h"

#include <charconv>

#include <fmt/format.h>

#include "api_error.h"

namespace ec2::emu {
namespace {

Error bad_rule(std::string_view spec, std::string_view why) {
  return make_error(ErrorCategory::Config, "InvalidFault", fmt::format("Invalid fault '{}': {}", spec, why));
}

bool parse_number(std::string_view text, double& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

/// Sets the account scope of `rule`: 12 digits, as AWS account ids are.
Status set_account(FaultRule& rule, std::string_view value, std::string_view spec) {
  if (value.size() != 12 || value.find_first_not_of("0123456789") != std::string_view::npos) {
    return bad_rule(spec, fmt::format("account must be a 12-digit account id, got '{}'", value));
  }
  rule.account = std::string(value);
  return {};
}

/// Sets `key` of `rule` from its numeric `value`.
Status set_field(FaultRule& rule, std::string_view key, double value, std::string_view spec) {
  bool probability = key == "throttle" || key == "internal" || key == "reset" || key == "truncate";
  if (probability && (value < 0 || value > 1)) return bad_rule(spec, "probabilities lie in [0, 1]");
  if (key == "throttle") rule.throttle = value;
  else if (key == "internal") rule.internal = value;
  else if (key == "reset") rule.reset = value;
  else if (key == "truncate") rule.truncate = value;
  else if (key == "latency") rule.latency_ms = static_cast<int64_t>(value);
  else if (key == "count") rule.count = static_cast<int64_t>(value);
  else return bad_rule(spec, fmt::format("unknown key '{}'", key));
  return {};
}

const std::string kAnyAction = "*";

/// The throttling error of `service`, as that service answers it.
Error throttled(FaultService service) {
  switch (service) {
    case FaultService::Sts: return api_error(400, "Throttling", "Rate exceeded");
    case FaultService::Organizations:
      return api_error(400, "TooManyRequestsException",
                       "You have sent too many requests in too short a period of time. Try again later.");
    case FaultService::Ec2: break;
  }
  return api_error(503, "RequestLimitExceeded", "Request limit exceeded.");
}

/// The internal error of `service`.
Error internal_failure(FaultService service) {
  std::string message = "We encountered an internal error. Please try again.";
  switch (service) {
    case FaultService::Sts: return api_error(500, "InternalFailure", message);
    case FaultService::Organizations: return api_error(500, "ServiceException", message);
    case FaultService::Ec2: break;
  }
  return internal_error(message);
}

}  // namespace

Result<FaultRule> parse_fault_rule(std::string_view spec) {
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0) return bad_rule(spec, "expected ACTION:key=value,...");
  FaultRule rule;
  rule.action = spec.substr(0, colon);
  std::string_view rest = spec.substr(colon + 1);
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    size_t eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == "account") {
      EC2_TRY(set_account(rule, item.substr(eq + 1), spec));
      continue;
    }
    double value = 0;
    if (eq == std::string_view::npos || !parse_number(item.substr(eq + 1), value)) {
      return bad_rule(spec, fmt::format("expected key=number, got '{}'", item));
    }
    EC2_TRY(set_field(rule, item.substr(0, eq), value, spec));
  }
  return rule;
}

nlohmann::json to_json(const FaultRule& rule) {
  nlohmann::json json = {{"action", rule.action},     {"throttle", rule.throttle}, {"internal", rule.internal},
                         {"reset", rule.reset},       {"truncate", rule.truncate}, {"latency", rule.latency_ms},
                         {"count", rule.count}};
  if (!rule.account.empty()) json["account"] = rule.account;
  return json;
}

Result<FaultRule> fault_rule_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return bad_rule(json.dump(), "expected a JSON object");
  FaultRule rule;
  for (auto& [key, value] : json.items()) {
    if (key == "action") {
      if (!value.is_string()) return bad_rule(json.dump(), "action must be a string");
      rule.action = value.get<std::string>();
    } else if (key == "account") {
      if (!value.is_string()) return bad_rule(json.dump(), "account must be a string of 12 digits");
      EC2_TRY(set_account(rule, value.get<std::string>(), json.dump()));
    } else if (!value.is_number()) {
      return bad_rule(json.dump(), fmt::format("'{}' must be a number", key));
    } else {
      EC2_TRY(set_field(rule, key, value.get<double>(), json.dump()));
    }
  }
  return rule;
}

void FaultInjector::set(FaultRule rule) {
  std::lock_guard lock(mutex_);
  auto key = std::make_pair(rule.action, rule.account);
  rules_[key] = std::move(rule);
}

void FaultInjector::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
  random_.restore(seed_);
}

std::vector<FaultRule> FaultInjector::rules() const {
  std::lock_guard lock(mutex_);
  std::vector<FaultRule> out;
  for (auto& [key, rule] : rules_) out.push_back(rule);
  return out;
}

std::map<std::string, uint64_t> FaultInjector::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

Status FaultInjector::apply(const FaultTarget& target, FaultEffects& effects) {
  std::lock_guard lock(mutex_);
  auto it = rules_.end();
  for (const std::string* action : {&target.action, &kAnyAction}) {
    if (it == rules_.end() && !target.account.empty()) it = rules_.find({*action, target.account});
    if (it == rules_.end()) it = rules_.find({*action, std::string()});
  }
  if (it == rules_.end()) return {};
  FaultRule& rule = it->second;
  if (rule.latency_ms > 0) {
    effects.delay = Duration(rule.latency_ms);
    ++counts_["latency"];
  }
  double draw = static_cast<double>(random_.next_u64() >> 11) / 9007199254740992.0;
  std::string kind;
  if (draw < rule.throttle) kind = "throttle";
  else if (draw < rule.throttle + rule.internal) kind = "internal";
  else if (draw < rule.throttle + rule.internal + rule.reset) kind = "reset";
  else if (draw < rule.throttle + rule.internal + rule.reset + rule.truncate) kind = "truncate";
  if (kind.empty()) return {};
  ++counts_[kind];
  if (rule.count > 0 && --rule.count == 0) rules_.erase(it);
  if (kind == "throttle") return throttled(target.service);
  if (kind == "internal") return internal_failure(target.service);
  if (kind == "reset") {
    effects.transport = TransportFault::Reset;
    return internal_error("Connection reset");
  }
  effects.transport = TransportFault::Truncate;
  return {};
}

Status FaultInjector::apply(Call& call) {
  FaultEffects effects;
  Status status = apply({FaultService::Ec2, call.action, call.account()}, effects);
  call.transport_fault = effects.transport;
  call.delay = effects.delay;
  return status;
}

Hook FaultInjector::hook() {
  return [this](Call& call, const HttpCall&) { return apply(call); };
}

}  // namespace ec2::emu
