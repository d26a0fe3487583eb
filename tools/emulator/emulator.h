#pragma once
/// The assembled emulator: World + action registry + Dispatcher with the authentication and
/// fault-injection hooks, the control endpoint, seeding and the state file. main() wraps it in an
/// HttpServer; tests and benchmarks call `handle` directly.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts.h"
#include "auth.h"
#include "dispatcher.h"
#include "ec2/clock.h"
#include "container_creds.h"
#include "faults.h"
#include "imds.h"
#include "registry.h"
#include "seed.h"
#include "sessions.h"
#include "sso.h"
#include "sts.h"
#include "world.h"

namespace ec2::emu {

struct EmulatorOptions {
  uint64_t seed = 1;                      ///< Ids and seeded fleets derive from it.
  std::string default_region = "us-east-1";
  bool authenticate = true;               ///< false: --no-auth
  CredentialStore credentials;            ///< Accepted keys (main adds the defaults).
  /// `--accounts`: accounts, users, roles, issuers, SSO (null: the default account only). The
  /// users' keys must also be in `credentials` (CredentialStore::add_accounts).
  std::shared_ptr<const Accounts> accounts;
  std::vector<FaultRule> faults;          ///< Rules active from the start (and after reset).
  uint64_t fault_seed = 1;
  SeedOptions seeding;
  std::string state_file;                 ///< Empty: state lives in memory only.
  Timings timings;
  /// Test only: issued sessions live this many times what they ask for (SessionStore).
  double session_lifetime_scale = 1.0;
  KeyPairStyle key_pair_style;            ///< --key-fingerprints, --no-public-key (test-only)
  std::shared_ptr<ec2::Clock> clock = ec2::system_clock();  ///< Real time (signatures, emulated time base).
  std::string imds_instance;              ///< --imds-instance: the instance IMDS answers for.
  bool imds_v1 = false;                   ///< --imds-v1: serve metadata requests without a token.
  std::string container_role;             ///< --container-role: role ARN of container credentials.
  std::string container_token;            ///< --container-token: their authorization token.
};

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options, const ActionRegistry& registry = ActionRegistry::builtin());

  /// Loads the state file when it exists; otherwise creates the seeded world (and saves it).
  Status start();
  /// Answers one HTTP request on the main port: EC2, STS, the SSO portal and SSO-OIDC, or a
  /// `/_emulator/…` control call (routing.h).
  HttpReply handle(const HttpCall& http);

  Dispatcher& dispatcher() { return dispatcher_; }
  World& world() { return world_; }
  FaultInjector& faults() { return faults_; }
  SessionStore& sessions() { return sessions_; }
  Imds& imds() { return imds_; }
  ContainerCredentials& container() { return container_; }
  /// The ports main bound the metadata listeners to (shown by the control endpoint; 0 = none).
  void set_listener_ports(int imds, int container) {
    imds_port_ = imds;
    container_port_ = container;
  }

 private:
  /// Emulated time (takes the World lock).
  TimePoint emulated_now();
  /// The control endpoint (control.cc).
  HttpReply control(const HttpCall& http);
  HttpReply control_faults(const HttpCall& http);
  HttpReply control_timings(const HttpCall& http);
  /// `/_emulator/oidc/token`, `/sso/login`, `/sso/expire`, `/totp` (control_creds.cc); nothing
  /// for other paths.
  std::optional<HttpReply> control_credentials(std::string_view path, const HttpCall& http);
  HttpReply control_oidc_token(const nlohmann::json& body);
  HttpReply control_sso_login(const nlohmann::json& body);
  /// Organizations ListAccounts / DescribeOrganization (organizations.cc): authentication, then
  /// fault rules, then the action.
  HttpReply organizations(const HttpCall& http);
  HttpReply organizations_action(const std::string& action, const Identity& caller, const HttpCall& http);
  HttpReply control_imds(const HttpCall& http);
  HttpReply control_container(const HttpCall& http);
  /// The instance `id` in any account and region, copied (takes the World lock).
  std::optional<LocatedInstance> locate_instance(const std::string& id);
  MetadataContext metadata_context();
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
  SessionStore sessions_;
  Sts sts_;
  SsoService sso_;
  Imds imds_;
  ContainerCredentials container_;
  int imds_port_ = 0;
  int container_port_ = 0;
};

}  // namespace ec2::emu
