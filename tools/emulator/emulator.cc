#include "emulator.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include "params.h"
#include "routing.h"
#include "state_file.h"

namespace ec2::emu {

Emulator::Emulator(EmulatorOptions options, const ActionRegistry& registry)
    : options_(std::move(options)),
      registry_(registry),
      world_(options_.seed, options_.clock),
      faults_(options_.fault_seed),
      dispatcher_(world_, registry_, options_.default_region),
      sts_({options_.accounts.get(), &options_.credentials, &sessions_, options_.clock,
            [this] { return emulated_now(); }, options_.authenticate, &faults_}),
      sso_(options_.accounts.get(), sessions_, [this] { return emulated_now(); }),
      imds_(metadata_context()),
      container_(metadata_context()) {
  sessions_.set_lifetime_scale(options_.session_lifetime_scale);
  imds_.configure(options_.imds_instance, options_.imds_v1);
  container_.configure(options_.container_role, options_.container_token);
  if (options_.accounts) {
    std::vector<std::string> ids;
    for (const Account& account : options_.accounts->accounts) ids.push_back(account.id);
    world_.set_accounts(std::move(ids));
    world_.reset();
  }
  world_.timings = options_.timings;
  world_.key_pair_style = options_.key_pair_style;
  world_.accounts = options_.accounts.get();
  for (const FaultRule& rule : options_.faults) faults_.set(rule);
  if (options_.authenticate) {
    dispatcher_.add_hook(
        make_auth_hook(options_.credentials, &sessions_, [clock = options_.clock] { return clock->now(); },
                       [this] { return emulated_now(); }));
  }
  dispatcher_.add_hook(faults_.hook());
  dispatcher_.set_control([this](const HttpCall& http) { return control(http); });
  if (!options_.state_file.empty()) dispatcher_.set_persister([this] { return persist(); });
}

TimePoint Emulator::emulated_now() {
  std::lock_guard lock(world_.mutex);
  return world_.now();
}

MetadataContext Emulator::metadata_context() {
  return {[this](const std::string& id) { return locate_instance(id); }, [this] { return emulated_now(); },
          options_.accounts.get(), &sessions_};
}

std::optional<LocatedInstance> Emulator::locate_instance(const std::string& id) {
  std::lock_guard lock(world_.mutex);
  std::optional<LocatedInstance> found;
  for (const std::string& account : world_.account_ids()) {
    world_.select_account(account);
    for (auto& [name, region] : world_.regions()) {
      const Instance* instance = region.find_instance(id);
      if (!instance || found) continue;
      found = LocatedInstance{*instance, name, account, {}};
      for (const GroupRef& group : instance->groups) found->group_names.push_back(group.name);
    }
  }
  world_.select_account(kAccountId);
  return found;
}

namespace {

/// The stats name of a call not to EC2: "sts:AssumeRole", "sso:/federation/credentials",
/// "sso-oidc:/token", "organizations:ListAccounts".
std::string service_call_name(Service service, const HttpCall& http) {
  if (service == Service::Organizations) {
    const std::string* target = find_header(http.headers, "X-Amz-Target");
    std::string name = target ? *target : "-";
    return "organizations:" + name.substr(name.find('.') + 1);
  }
  if (service != Service::Sts) return (service == Service::SsoPortal ? "sso:" : "sso-oidc:") + http.path;
  Params params;
  params.add_form(http.query);
  params.add_form(http.body);
  return "sts:" + params.get("Action", "-");
}

/// The error code of a reply (`<Code>` of an XML error, `x-amzn-ErrorType` of a JSON one).
std::string reply_error_code(const HttpReply& reply) {
  if (reply.status < 400) return {};
  for (const auto& [name, value] : reply.headers) {
    if (name == "x-amzn-ErrorType") return value;
  }
  size_t start = reply.body.find("<Code>");
  size_t end = reply.body.find("</Code>");
  if (start == std::string::npos || end == std::string::npos) return std::to_string(reply.status);
  return reply.body.substr(start + 6, end - start - 6);
}

}  // namespace

HttpReply Emulator::handle(const HttpCall& http) {
  Service service = route(http);
  HttpReply reply;
  switch (service) {
    case Service::Ec2:
    case Service::Control:
      return dispatcher_.handle(http);
    case Service::Sts:
      reply = sts_.handle(http);
      break;
    case Service::SsoPortal:
      reply = sso_.portal(http);
      break;
    case Service::SsoOidc:
      reply = sso_.oidc(http);
      break;
    case Service::Organizations:
      reply = organizations(http);
      break;
  }
  dispatcher_.log(fmt::format("{} {} {} {} {}B", http.remote_addr, service_name(service), http.method, http.path,
                              reply.body.size()) + " " + std::to_string(reply.status));
  dispatcher_.count_service_call(service_call_name(service, http), reply_error_code(reply));
  return reply;
}

Status Emulator::rebuild_world() {
  world_.reset();
  world_.timings = options_.timings;
  world_.key_pair_style = options_.key_pair_style;
  world_.clock.set_offset(Duration(0));
  return seed_world(world_, options_.seeding);
}

Status Emulator::persist() {
  if (options_.state_file.empty()) return {};
  return save_state(world_, options_.state_file);
}

Status Emulator::start() {
  std::lock_guard lock(world_.mutex);
  struct stat info {};
  if (!options_.state_file.empty() && ::stat(options_.state_file.c_str(), &info) == 0) {
    return load_state(world_, options_.state_file);
  }
  EC2_TRY(rebuild_world());
  return persist();
}

}  // namespace ec2::emu
