#pragma once
/// The assembled emulator: World + action registry + Dispatcher with the authentication and
/// fault-injection hooks, the control endpoint, seeding and the state file. main() wraps it in an
/// HttpServer; tests and benchmarks call `handle` directly.

#include <memory>
#include <string>
#include <vector>

#include "auth.h"
#include "dispatcher.h"
#include "ec2/clock.h"
#include "faults.h"
#include "registry.h"
#include "seed.h"
#include "world.h"

namespace ec2::emu {

struct EmulatorOptions {
  uint64_t seed = 1;                      ///< Ids and seeded fleets derive from it.
  std::string default_region = "us-east-1";
  bool authenticate = true;               ///< false: --no-auth
  CredentialStore credentials;            ///< Accepted keys (main adds the defaults).
  std::vector<FaultRule> faults;          ///< Rules active from the start (and after reset).
  uint64_t fault_seed = 1;
  SeedOptions seeding;
  std::string state_file;                 ///< Empty: state lives in memory only.
  Timings timings;
  KeyPairStyle key_pair_style;            ///< --key-fingerprints, --no-public-key (test-only)
  std::shared_ptr<ec2::Clock> clock = ec2::system_clock();  ///< Real time (signatures, emulated time base).
};

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options, const ActionRegistry& registry = ActionRegistry::builtin());

  /// Loads the state file when it exists; otherwise creates the seeded world (and saves it).
  Status start();
  /// Answers one HTTP request (EC2 call or `/_emulator/…` control call).
  HttpReply handle(const HttpCall& http) { return dispatcher_.handle(http); }

  Dispatcher& dispatcher() { return dispatcher_; }
  World& world() { return world_; }
  FaultInjector& faults() { return faults_; }

 private:
  /// The control endpoint (control.cc).
  HttpReply control(const HttpCall& http);
  HttpReply control_faults(const HttpCall& http);
  HttpReply control_timings(const HttpCall& http);
  nlohmann::json stats_json();
  /// Resets the world to its start state (defaults + seeded fleet). Lock held.
  Status rebuild_world();
  /// Saves when a state file is configured. Lock held.
  Status persist();

  EmulatorOptions options_;
  const ActionRegistry& registry_;
  World world_;
  FaultInjector faults_;
  Dispatcher dispatcher_;
};

}  // namespace ec2::emu
