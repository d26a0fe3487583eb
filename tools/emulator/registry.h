#pragma once
/// The action registry: which EC2 actions the emulator answers and with what.
///
/// Each resource file registers its actions once, at static-initialisation time:
///
///     namespace {
///     Status describe_widgets(Call& call, XmlWriter& xml) {
///       EC2_TRY(call.check_dry_run());              // mutating actions only
///       auto ids = call.params.list("WidgetId");
///       ...
///       xml.open("widgetSet"); ... xml.close();      // body inside <DescribeWidgetsResponse>
///       return {};
///     }
///     void register_widgets(ActionRegistry& r) {
///       r.on("DescribeWidgets", describe_widgets)
///        .on("CreateWidget", create_widget)
///        .on_due("widget", widget_transition);      // scheduled lifecycle events
///     }
///     EC2EMU_MODULE(register_widgets);
///     }  // namespace
///
/// The registry writes `<?xml…?><ActionResponse xmlns=…><requestId>…</requestId>`, calls the
/// handler, and closes the root; when the handler returns an error, what it wrote is discarded and
/// the EC2 error document is sent instead.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ec2/result.h"
#include "identity.h"
#include "params.h"
#include "sim_clock.h"
#include "world.h"
#include "xml_writer.h"

namespace ec2::emu {

/// Faults applied below HTTP (set by the fault-injection hook).
enum class TransportFault { None, Reset, Truncate };

/// One EC2 call being answered: who asked, where, with what. Handlers receive it with the World
/// lock held.
struct Call {
  std::string action;
  std::string region;       ///< Served region the call is for.
  std::string access_key;   ///< Empty with --no-auth.
  bool read_only = false;   ///< Credentials may not mutate (→ UnauthorizedOperation).
  Identity identity;        ///< The caller (empty with --no-auth: the default account).
  std::string request_id;   ///< UUID, sent in every response.
  Params params;
  World* world = nullptr;   ///< Set by the dispatcher before hooks run.
  TimePoint now;            ///< Emulated time of the call (set when the lock is taken).

  // Set by hooks (fault injection); not for handlers.
  TransportFault transport_fault = TransportFault::None;
  Duration delay{0};

  /// The account the call works in.
  std::string account() const { return identity.account_id.empty() ? std::string(kAccountId) : identity.account_id; }
  /// The region's state (of the caller's account).
  RegionState& state() const { return *world->region(region); }
  /// For mutating actions: when `DryRun=true`, the error to answer (412 DryRunOperation, or
  /// 403 UnauthorizedOperation for read-only credentials); read-only credentials without DryRun
  /// also get UnauthorizedOperation. Returns success when the action should proceed.
  /// Call it after validating parameters, as EC2 does.
  Status check_dry_run() const;
};

/// Answers one action; writes the body elements (after requestId) into `xml`.
using Handler = std::function<Status(Call& call, XmlWriter& xml)>;
/// Applies one scheduled lifecycle event (see ScheduledEvent) to `region`.
using DueHandler = std::function<void(World& world, RegionState& region, const ScheduledEvent& event)>;

struct Action {
  std::string name;
  Handler handler;
  bool mutating = true;  ///< Persisted to the state file after success (Describe*/Get* are not).
};

class ActionRegistry {
 public:
  /// Registers `action`. Names starting with Describe/Get are read-only, everything else mutating.
  ActionRegistry& on(std::string action, Handler handler);
  /// Registers the handler of scheduled events of `kind` ("instance", "vpc-cidr", "peering", …).
  ActionRegistry& on_due(std::string kind, DueHandler handler);

  /// The action named `name`, or nullptr.
  const Action* find(std::string_view name) const;
  /// Every registered action name, sorted.
  std::vector<std::string> names() const;

  /// Runs every scheduled event due at `now` (expiries included). Call with the lock held.
  size_t run_due(World& world, TimePoint now) const;
  /// Runs every pending non-expiry transition now, repeatedly, until none is left (the control
  /// endpoint's "complete transitions"). Call with the lock held.
  size_t complete_transitions(World& world) const;

  /// Writes the success document of `call` (root, requestId, handler body) or returns the error.
  Result<std::string> answer(const Action& action, Call& call) const;

  /// The registry with every module registered through EC2EMU_MODULE.
  static const ActionRegistry& builtin();
  /// Adds a module registration function (used by EC2EMU_MODULE at static-init time).
  static bool add_module(void (*registrar)(ActionRegistry&));

 private:
  void apply(World& world, const ScheduledEvent& event) const;

  std::unordered_map<std::string, Action> actions_;
  std::unordered_map<std::string, DueHandler> due_;
};

}  // namespace ec2::emu

/// Registers `fn` (a `void(ActionRegistry&)`) into ActionRegistry::builtin().
#define EC2EMU_MODULE(fn) \
  [[maybe_unused]] const bool ec2emu_module_##fn = ::ec2::emu::ActionRegistry::add_module(&fn)
