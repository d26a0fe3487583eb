#pragma once
/// Deterministic fault injection for EC2, STS and Organizations calls: throttling, internal errors
/// (each with the service's own code), connection reset, truncated body and added latency, per
/// action or for all actions, for every caller or the callers of one account. Rules come from
/// `--fault` flags and the control endpoint (`/_emulator/faults`).

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dispatcher.h"
#include "ids.h"

namespace ec2::emu {

/// Fault probabilities for one action ("*" = every action without its own rule), of every caller
/// or of one account's. One draw per call picks at most one of throttle / internal / reset /
/// truncate (their sum should not exceed 1); latency is added independently.
struct FaultRule {
  std::string action = "*";
  std::string account;   ///< Only callers of this account (12 digits); empty = every caller.
  double throttle = 0;   ///< EC2 503 RequestLimitExceeded, STS 400 Throttling, Organizations 400 TooManyRequestsException
  double internal = 0;   ///< EC2 500 InternalError, STS 500 InternalFailure, Organizations 500 ServiceException
  double reset = 0;      ///< connection reset before any answer (the action is not run)
  double truncate = 0;   ///< the action runs; its response body is cut short
  int64_t latency_ms = 0;
  int64_t count = -1;    ///< Faults left before the rule removes itself; -1 = unlimited.
};

/// Parses `ACTION:key=value,…` (keys: throttle, internal, reset, truncate, latency, count, account),
/// e.g. `RunInstances:throttle=0.5`, `*:latency=200`, `DescribeInstances:internal=1,count=2`,
/// `AssumeRole:throttle=1,count=5,account=222222222222`.
Result<FaultRule> parse_fault_rule(std::string_view spec);
nlohmann::json to_json(const FaultRule& rule);
Result<FaultRule> fault_rule_from_json(const nlohmann::json& json);

/// The service a call is for: it decides the error codes of throttle and internal faults.
enum class FaultService { Ec2, Sts, Organizations };

/// One call as the rules see it.
struct FaultTarget {
  FaultService service = FaultService::Ec2;
  std::string action;   ///< "DescribeInstances", "AssumeRole", "ListAccounts", …
  std::string account;  ///< The caller's account; empty when unknown (unsigned calls).
};

/// What the rules decided for a call besides an error answer.
struct FaultEffects {
  TransportFault transport = TransportFault::None;
  Duration delay{0};
};

class FaultInjector {
 public:
  explicit FaultInjector(uint64_t seed = 1) : random_(seed), seed_(seed) {}

  /// Adds or replaces the rule of `rule.action` and `rule.account`.
  void set(FaultRule rule);
  /// Removes every rule and restarts the random sequence from the seed.
  void clear();
  std::vector<FaultRule> rules() const;
  /// Injected faults by kind ("throttle", "internal", "reset", "truncate", "latency").
  std::map<std::string, uint64_t> counts() const;

  /// Decides the fault of a call: an error to answer with (throttle, internal, reset) and/or
  /// `effects`. The rule used is the first of (action, account), (action, any caller),
  /// ("*", account), ("*", any caller) that exists.
  Status apply(const FaultTarget& target, FaultEffects& effects);
  /// The same for an EC2 call of the dispatcher: sets `call.transport_fault` / `call.delay`.
  Status apply(Call& call);
  /// The hook for Dispatcher::add_hook.
  Hook hook();

 private:
  mutable std::mutex mutex_;
  /// Rules by (action, account).
  std::map<std::pair<std::string, std::string>, FaultRule> rules_;
  std::map<std::string, uint64_t> counts_;
  IdGenerator random_;
  uint64_t seed_;
};

}  // namespace ec2::emu
