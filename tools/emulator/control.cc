// The control endpoint: `/_emulator/…` (EC2 actions are only ever routed from `/`).
#include <charconv>

#include <nlohmann/json.hpp>

#include "emulator.h"
#include "json_reply.h"

namespace ec2::emu {
namespace {

/// Value of query parameter `key` in `query`, or empty.
std::string query_value(std::string_view query, std::string_view key) {
  Params params;
  params.add_form(query);
  return params.get(key);
}

}  // namespace

nlohmann::json Emulator::stats_json() {
  DispatchStats stats = dispatcher_.stats();
  nlohmann::json instances = nlohmann::json::object();
  {
    std::lock_guard lock(world_.mutex);
    world_.select_account(kAccountId);
    for (auto& [name, region] : world_.regions()) {
      if (!region.instances.empty()) instances[name] = region.instances.size();
    }
  }
  return {{"requests", stats.requests},
          {"actions", stats.by_action},
          {"errors", stats.errors_by_code},
          {"faults", faults_.counts()},
          {"peak_in_flight", stats.peak_in_flight},
          {"instances", instances}};
}

HttpReply Emulator::control_faults(const HttpCall& http) {
  if (http.method == "DELETE") {
    faults_.clear();
    return json_reply(200, {{"faults", nlohmann::json::array()}});
  }
  if (http.method == "POST" || http.method == "PUT") {
    nlohmann::json body = nlohmann::json::parse(http.body, nullptr, false);
    if (body.is_discarded()) return control_error(400, "Body must be a JSON fault rule or an array of them");
    std::vector<nlohmann::json> items = body.is_array() ? body.get<std::vector<nlohmann::json>>()
                                                        : std::vector<nlohmann::json>{body};
    for (const auto& item : items) {
      auto rule = fault_rule_from_json(item);
      if (!rule) return control_error(400, rule.error().message);
      faults_.set(std::move(*rule));
    }
  }
  nlohmann::json rules = nlohmann::json::array();
  for (const FaultRule& rule : faults_.rules()) rules.push_back(to_json(rule));
  return json_reply(200, {{"faults", rules}});
}

HttpReply Emulator::control_timings(const HttpCall& http) {
  std::lock_guard lock(world_.mutex);
  Timings& t = world_.timings;
  if (http.method == "POST" || http.method == "PUT") {
    nlohmann::json body = nlohmann::json::parse(http.body, nullptr, false);
    if (!body.is_object()) return control_error(400, "Body must be a JSON object");
    for (auto& [key, value] : body.items()) {
      if (!value.is_number()) return control_error(400, "'" + key + "' must be a number");
      if (key == "scale") t.scale = value.get<double>();
      else if (key == "instance_pending_ms") t.instance_pending = Duration(value.get<int64_t>());
      else if (key == "instance_stopping_ms") t.instance_stopping = Duration(value.get<int64_t>());
      else if (key == "instance_shutting_down_ms") t.instance_shutting_down = Duration(value.get<int64_t>());
      else if (key == "status_initializing_ms") t.status_initializing = Duration(value.get<int64_t>());
      else if (key == "terminated_retention_ms") t.terminated_retention = Duration(value.get<int64_t>());
      else if (key == "cidr_associating_ms") t.cidr_associating = Duration(value.get<int64_t>());
      else if (key == "peering_initiating_ms") t.peering_initiating = Duration(value.get<int64_t>());
      else if (key == "peering_pending_expiry_ms") t.peering_pending_expiry = Duration(value.get<int64_t>());
      else if (key == "peering_deleted_retention_ms") t.peering_deleted_retention = Duration(value.get<int64_t>());
      else return control_error(400, "Unknown timing '" + key + "'");
    }
    if (auto saved = persist(); !saved) return control_error(500, saved.error().message);
  }
  return json_reply(200, {{"scale", t.scale},
                          {"instance_pending_ms", t.instance_pending.count()},
                          {"instance_stopping_ms", t.instance_stopping.count()},
                          {"instance_shutting_down_ms", t.instance_shutting_down.count()},
                          {"status_initializing_ms", t.status_initializing.count()},
                          {"terminated_retention_ms", t.terminated_retention.count()},
                          {"cidr_associating_ms", t.cidr_associating.count()},
                          {"peering_initiating_ms", t.peering_initiating.count()},
                          {"peering_pending_expiry_ms", t.peering_pending_expiry.count()},
                          {"peering_deleted_retention_ms", t.peering_deleted_retention.count()}});
}

HttpReply Emulator::control(const HttpCall& http) {
  std::string_view path = std::string_view(http.path).substr(std::string_view("/_emulator").size());
  if (path == "/health") return json_reply(200, {{"status", "ok"}});
  if (path == "/checkip") {
    HttpReply reply;
    reply.content_type = "text/plain";
    reply.body = http.remote_addr + "\n";
    return reply;
  }
  if (path == "/stats") return json_reply(200, stats_json());
  if (path == "/faults") return control_faults(http);
  if (path == "/timings") return control_timings(http);
  if (auto answered = control_credentials(path, http)) return *answered;
  if (http.method != "POST") return control_error(404, "Unknown control path " + http.path);
  std::lock_guard lock(world_.mutex);
  world_.select_account(kAccountId);
  if (path == "/reset") {
    faults_.clear();
    for (const FaultRule& rule : options_.faults) faults_.set(rule);
    dispatcher_.reset_stats();
    Status rebuilt = rebuild_world();
    if (rebuilt) rebuilt = persist();
    if (!rebuilt) return control_error(500, rebuilt.error().message);
    return json_reply(200, {{"reset", true}});
  }
  if (path == "/complete") {
    registry_.run_due(world_, world_.now());
    size_t completed = registry_.complete_transitions(world_);
    if (auto saved = persist(); !saved) return control_error(500, saved.error().message);
    return json_reply(200, {{"completed", completed}});
  }
  if (path == "/advance") {
    double seconds = 0;
    std::string text = query_value(http.query, "seconds");
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || seconds < 0) {
      return control_error(400, "advance needs ?seconds=N (N >= 0)");
    }
    world_.clock.advance(Duration(static_cast<int64_t>(seconds * 1000)));
    size_t ran = registry_.run_due(world_, world_.now());
    if (auto saved = persist(); !saved) return control_error(500, saved.error().message);
    return json_reply(200, {{"ran", ran}, {"offset_ms", world_.clock.offset().count()}});
  }
  return control_error(404, "Unknown control path " + http.path);
}

}  // namespace ec2::emu
