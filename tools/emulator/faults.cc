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

/// Sets `key` of `rule` from its textual `value`.
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
    double value = 0;
    if (eq == std::string_view::npos || !parse_number(item.substr(eq + 1), value)) {
      return bad_rule(spec, fmt::format("expected key=number, got '{}'", item));
    }
    EC2_TRY(set_field(rule, item.substr(0, eq), value, spec));
  }
  return rule;
}

nlohmann::json to_json(const FaultRule& rule) {
  return {{"action", rule.action},     {"throttle", rule.throttle}, {"internal", rule.internal},
          {"reset", rule.reset},       {"truncate", rule.truncate}, {"latency", rule.latency_ms},
          {"count", rule.count}};
}

Result<FaultRule> fault_rule_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return bad_rule(json.dump(), "expected a JSON object");
  FaultRule rule;
  for (auto& [key, value] : json.items()) {
    if (key == "action") {
      if (!value.is_string()) return bad_rule(json.dump(), "action must be a string");
      rule.action = value.get<std::string>();
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
  std::string action = rule.action;
  rules_[action] = std::move(rule);
}

void FaultInjector::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
  random_.restore(seed_);
}

std::vector<FaultRule> FaultInjector::rules() const {
  std::lock_guard lock(mutex_);
  std::vector<FaultRule> out;
  for (auto& [action, rule] : rules_) out.push_back(rule);
  return out;
}

std::map<std::string, uint64_t> FaultInjector::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

Status FaultInjector::apply(Call& call) {
  std::lock_guard lock(mutex_);
  auto it = rules_.find(call.action);
  if (it == rules_.end()) it = rules_.find("*");
  if (it == rules_.end()) return {};
  FaultRule& rule = it->second;
  if (rule.latency_ms > 0) {
    call.delay = Duration(rule.latency_ms);
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
  if (kind == "throttle") return api_error(503, "RequestLimitExceeded", "Request limit exceeded.");
  if (kind == "internal") return internal_error("We encountered an internal error. Please try again.");
  if (kind == "reset") {
    call.transport_fault = TransportFault::Reset;
    return internal_error("Connection reset");
  }
  call.transport_fault = TransportFault::Truncate;
  return {};
}

Hook FaultInjector::hook() {
  return [this](Call& call, const HttpCall&) { return apply(call); };
}

}  // namespace ec2::emu
