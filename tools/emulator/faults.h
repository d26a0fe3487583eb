#pragma once
/// Deterministic fault injection for EC2 calls: throttling (503 RequestLimitExceeded), 500
/// InternalError, connection reset, truncated body and added latency, per action or for all
/// actions. Rules come from `--fault` flags and the control endpoint (`/_emulator/faults`).

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dispatcher.h"
#include "ids.h"

namespace ec2::emu {

/// Fault probabilities for one action ("*" = every action without its own rule). One draw per call
/// picks at most one of throttle / internal / reset / truncate (their sum should not exceed 1);
/// latency is added independently.
struct FaultRule {
  std::string action = "*";
  double throttle = 0;   ///< 503 RequestLimitExceeded
  double internal = 0;   ///< 500 InternalError
  double reset = 0;      ///< connection reset before any answer (the action is not run)
  double truncate = 0;   ///< the action runs; its response body is cut short
  int64_t latency_ms = 0;
  int64_t count = -1;    ///< Faults left before the rule removes itself; -1 = unlimited.
};

/// Parses `ACTION:key=value,…` (keys: throttle, internal, reset, truncate, latency, count), e.g.
/// `RunInstances:throttle=0.5`, `*:latency=200`, `DescribeInstances:internal=1,count=2`.
Result<FaultRule> parse_fault_rule(std::string_view spec);
nlohmann::json to_json(const FaultRule& rule);
Result<FaultRule> fault_rule_from_json(const nlohmann::json& json);

class FaultInjector {
 public:
  explicit FaultInjector(uint64_t seed = 1) : random_(seed), seed_(seed) {}

  /// Adds or replaces the rule of `rule.action`.
  void set(FaultRule rule);
  /// Removes every rule and restarts the random sequence from the seed.
  void clear();
  std::vector<FaultRule> rules() const;
  /// Injected faults by kind ("throttle", "internal", "reset", "truncate", "latency").
  std::map<std::string, uint64_t> counts() const;

  /// Decides the fault of `call`: an error to answer with (throttle, internal, reset) and/or
  /// `call.transport_fault` / `call.delay`.
  Status apply(Call& call);
  /// The hook for Dispatcher::add_hook.
  Hook hook();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, FaultRule> rules_;
  std::map<std::string, uint64_t> counts_;
  IdGenerator random_;
  uint64_t seed_;
};

}  // namespace ec2::emu
