#include "registry.h"

#include <algorithm>

#include "api_error.h"

namespace ec2::emu {
namespace {

std::vector<void (*)(ActionRegistry&)>& module_list() {
  static std::vector<void (*)(ActionRegistry&)> modules;
  return modules;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

Status Call::check_dry_run() const {
  auto dry = params.boolean("DryRun");
  if (!dry) return dry.error();
  if (read_only) return unauthorized_operation();
  if (*dry) return dry_run_success();
  return {};
}

ActionRegistry& ActionRegistry::on(std::string action, Handler handler) {
  bool mutating = !starts_with(action, "Describe") && !starts_with(action, "Get");
  Action entry{action, std::move(handler), mutating};
  actions_[std::move(action)] = std::move(entry);
  return *this;
}

ActionRegistry& ActionRegistry::on_due(std::string kind, DueHandler handler) {
  due_[std::move(kind)] = std::move(handler);
  return *this;
}

const Action* ActionRegistry::find(std::string_view name) const {
  auto it = actions_.find(std::string(name));
  return it == actions_.end() ? nullptr : &it->second;
}

std::vector<std::string> ActionRegistry::names() const {
  std::vector<std::string> out;
  for (auto& [name, action] : actions_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

void ActionRegistry::apply(World& world, const ScheduledEvent& event) const {
  auto it = due_.find(event.kind);
  std::string selected = world.account_id();
  if (!world.select_account(event.account.empty() ? kAccountId : std::string_view(event.account))) return;
  RegionState* region = world.region(event.region);
  if (it != due_.end() && region) it->second(world, *region, event);
  world.select_account(selected);
}

size_t ActionRegistry::run_due(World& world, TimePoint now) const {
  size_t count = 0;
  ScheduledEvent event;
  while (world.scheduler.pop_due(now, true, event)) {
    apply(world, event);
    ++count;
  }
  return count;
}

size_t ActionRegistry::complete_transitions(World& world) const {
  size_t count = 0;
  ScheduledEvent event;
  while (world.scheduler.pop_any_transition(event)) {
    apply(world, event);
    ++count;
  }
  return count;
}

Result<std::string> ActionRegistry::answer(const Action& action, Call& call) const {
  std::string root = call.action + "Response";
  XmlWriter xml;
  xml.open_root(root).leaf("requestId", call.request_id);
  Status status = action.handler(call, xml);
  if (!status) return status.error();
  return xml.finish();
}

const ActionRegistry& ActionRegistry::builtin() {
  static const ActionRegistry registry = [] {
    ActionRegistry r;
    for (auto registrar : module_list()) registrar(r);
    return r;
  }();
  return registry;
}

bool ActionRegistry::add_module(void (*registrar)(ActionRegistry&)) {
  module_list().push_back(registrar);
  return true;
}

}  // namespace ec2::emu
