// ec2_vpc_peering: what each state does (present, absent, accept, reject).
#include "ec2/vpc/peering.h"
#include "ec2_vpc_peering.h"

namespace ec2::ansible::vpc_peering {
namespace {

using nlohmann::json;

std::string id_of(const VpcPeeringConnection& connection) {
  return connection.vpc_peering_connection_id.value_or("");
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

/// The part of a connection shown in `diff`.
json diff_view(const VpcPeeringConnection& connection) {
  return {{"peering_id", id_of(connection)},
          {"status", vpc::peering_status(connection)},
          {"tags", vpc::to_json(vpc::to_tag_map(connection.tags.value_or(Tags{})))}};
}

/// A failed result for `error`, naming the connection it concerns.
ModuleExit failed(const Error& error, const std::string& id) {
  ModuleExit exit = fail_aws(error);
  if (!id.empty()) exit.result["peering_id"] = id;
  return exit;
}

/// One run of the module: the options, EC2, and what was found and changed on the way.
class Runner {
 public:
  Runner(const Args& args, PeeringApi& api, bool check_mode, bool diff_mode)
      : args_(args), api_(api), check_(check_mode), diff_(diff_mode) {}

  ModuleExit present();
  ModuleExit absent();
  ModuleExit accept_or_reject();

 private:
  /// The connection between vpc_id and peer_vpc_id, in either direction: a live one first, else
  /// (unless `live_only`) one in any state.
  Result<std::optional<VpcPeeringConnection>> find_between(bool live_only);
  /// Applies the `tags` option to `connection` (in check mode only to the returned copy).
  Result<bool> apply_tags(VpcPeeringConnection& connection);
  /// Waits for one of `states`; a failure names the status EC2 gives as reason.
  Status wait_for(const std::string& id, const std::vector<std::string>& states);
  /// The connection as EC2 describes it now, or `fallback` when it vanished.
  Result<VpcPeeringConnection> reload(const VpcPeeringConnection& fallback);
  ModuleExit create();
  ModuleExit done(bool changed, const VpcPeeringConnection& connection, const json& before);

  const Args& args_;
  PeeringApi& api_;
  bool check_;
  bool diff_;
};

Result<std::optional<VpcPeeringConnection>> Runner::find_between(bool live_only) {
  std::optional<VpcPeeringConnection> fallback;
  for (bool reversed : {false, true}) {
    const std::string& from = reversed ? *args_.peer_vpc_id : *args_.vpc_id;
    const std::string& to = reversed ? *args_.vpc_id : *args_.peer_vpc_id;
    auto found = api_.find(from, to);
    if (!found) return found.error();
    for (auto& connection : *found) {
      if (is_live(vpc::peering_status(connection))) return std::optional(std::move(connection));
      if (!fallback && !live_only) fallback = std::move(connection);
    }
  }
  return fallback;
}

Result<bool> Runner::apply_tags(VpcPeeringConnection& connection) {
  if (!args_.tags) return false;
  auto tagged = api_.ensure_tags(id_of(connection), *args_.tags, args_.purge_tags, check_);
  if (!tagged) return tagged.error();
  connection.tags = vpc::to_tags(tagged->after);
  return tagged->changed;
}

Status Runner::wait_for(const std::string& id, const std::vector<std::string>& states) {
  Status waited = api_.wait(id, states, args_.wait_timeout);
  if (waited) return waited;
  Error error = waited.error().with_context("wait for VPC peering connection " + id + " to be " + join(states, " or "));
  auto now = api_.get(id);
  if (now && *now && (*now)->status && (*now)->status->message) {
    error.message += " (" + *(*now)->status->message + ")";
  }
  return error;
}

Result<VpcPeeringConnection> Runner::reload(const VpcPeeringConnection& fallback) {
  auto now = api_.get(id_of(fallback));
  if (!now) return now.error();
  return now->value_or(fallback);
}

ModuleExit Runner::done(bool changed, const VpcPeeringConnection& connection, const json& before) {
  json result = {{"changed", changed},
                 {"peering_id", id_of(connection)},
                 {"vpc_peering_connection", connection_result(connection)}};
  if (diff_) result["diff"] = {{"before", before}, {"after", diff_view(connection)}};
  return exit_json(std::move(result));
}

ModuleExit Runner::present() {
  auto existing = find_between(true);
  if (!existing) return fail_aws(existing.error());
  if (!*existing) return create();
  VpcPeeringConnection connection = std::move(**existing);
  json before = diff_view(connection);
  auto changed = apply_tags(connection);
  if (!changed) return fail_aws(changed.error());
  const std::vector<std::string> settled = {"pending-acceptance", "active"};
  std::string status = vpc::peering_status(connection);
  if (args_.wait && !check_ && status != settled[0] && status != settled[1]) {
    if (auto waited = wait_for(id_of(connection), settled); !waited) return failed(waited.error(), id_of(connection));
    auto now = reload(connection);
    if (!now) return fail_aws(now.error());
    connection = std::move(*now);
  }
  return done(*changed, connection, before);
}

ModuleExit Runner::create() {
  const json before = json::object();
  if (check_) {
    json preview = {{"requester_vpc_info", {{"vpc_id", *args_.vpc_id}}},
                    {"accepter_vpc_info", {{"vpc_id", *args_.peer_vpc_id}}},
                    {"vpc_peering_connection_id", ""},
                    {"tags", vpc::to_json(args_.tags.value_or(vpc::TagMap{}))}};
    if (args_.peer_region) preview["accepter_vpc_info"]["region"] = *args_.peer_region;
    if (args_.peer_owner_id) preview["accepter_vpc_info"]["owner_id"] = *args_.peer_owner_id;
    json result = {{"changed", true}, {"peering_id", ""}, {"vpc_peering_connection", preview}};
    if (diff_) result["diff"] = {{"before", before}, {"after", {{"status", "initiating-request"}, {"tags", preview["tags"]}}}};
    return exit_json(std::move(result));
  }
  CreateVpcPeeringConnectionRequest request;
  request.vpc_id = *args_.vpc_id;
  request.peer_vpc_id = *args_.peer_vpc_id;
  request.peer_region = args_.peer_region;
  request.peer_owner_id = args_.peer_owner_id;
  if (args_.tags && !args_.tags->empty()) {
    request.tag_specifications.push_back({"vpc-peering-connection", vpc::to_tags(*args_.tags)});
  }
  auto created = api_.create(request);
  if (!created) return fail_aws(created.error());
  VpcPeeringConnection connection = std::move(*created);
  if (!connection.tags && !request.tag_specifications.empty()) connection.tags = request.tag_specifications[0].tags;
  if (args_.wait) {
    if (auto waited = wait_for(id_of(connection), {"pending-acceptance", "active"}); !waited) {
      return failed(waited.error(), id_of(connection));
    }
    auto now = reload(connection);
    if (!now) return fail_aws(now.error());
    connection = std::move(*now);
  }
  return done(true, connection, before);
}

ModuleExit Runner::absent() {
  std::optional<VpcPeeringConnection> found;
  if (args_.peering_id) {
    auto got = api_.get(*args_.peering_id);
    if (!got) return failed(got.error(), *args_.peering_id);
    found = std::move(*got);
  } else {
    auto between = find_between(false);
    if (!between) return fail_aws(between.error());
    found = std::move(*between);
  }
  if (!found) {
    json result = {{"changed", false}};
    if (args_.peering_id) {
      result["peering_id"] = *args_.peering_id;
      result["msg"] = "VPC peering connection " + *args_.peering_id + " does not exist";
    } else {
      result["msg"] = "No VPC peering connection between " + *args_.vpc_id + " and " + *args_.peer_vpc_id;
    }
    return exit_json(std::move(result));
  }
  const std::string id = id_of(*found);
  const std::string status = vpc::peering_status(*found);
  auto unchanged = [&](std::string msg) {
    return exit_json({{"changed", false}, {"peering_id", id}, {"msg", std::move(msg)}});
  };
  if (status == "deleted" || status == "deleting") {
    if (args_.wait && !check_ && status == "deleting") {
      if (auto waited = wait_for(id, {"deleted"}); !waited) return failed(waited.error(), id);
    }
    return unchanged("Connection in deleted state.");
  }
  if (status == "rejected") {
    return unchanged("Connection has been rejected. State cannot be changed and will be removed automatically by AWS");
  }
  if (!is_live(status)) {
    return unchanged("Connection is " + status + ". State cannot be changed and will be removed automatically by AWS");
  }
  json result = {{"changed", true}, {"peering_id", id}};
  if (diff_) result["diff"] = {{"before", diff_view(*found)}, {"after", json::object()}};
  if (check_) return exit_json(std::move(result));
  auto removed = api_.remove(id);
  if (!removed) return failed(removed.error(), id);
  if (!*removed) return unchanged("VPC peering connection " + id + " does not exist");
  if (args_.wait) {
    if (auto waited = wait_for(id, {"deleted"}); !waited) return failed(waited.error(), id);
  }
  return exit_json(std::move(result));
}

ModuleExit Runner::accept_or_reject() {
  const std::string& id = *args_.peering_id;
  const bool accept = args_.state == "accept";
  const std::string target = accept ? "active" : "rejected";
  auto got = api_.get(id);
  if (!got) return failed(got.error(), id);
  if (!*got) return fail_json("VPC peering connection " + id + " does not exist", {{"peering_id", id}});
  VpcPeeringConnection connection = std::move(**got);
  const json before = diff_view(connection);
  if (vpc::peering_status(connection) == "initiating-request" && !check_) {
    // EC2 is still checking the request; it can be answered once it is pending acceptance.
    if (auto waited = wait_for(id, {"pending-acceptance"}); !waited) return failed(waited.error(), id);
    auto now = reload(connection);
    if (!now) return failed(now.error(), id);
    connection = std::move(*now);
  }
  const std::string status = vpc::peering_status(connection);
  bool changed = false;
  if (status == "pending-acceptance" || status == "initiating-request") {
    if (!check_) {
      if (auto answered = accept ? api_.accept(id) : api_.reject(id); !answered) return failed(answered.error(), id);
    }
    changed = true;
  } else if (!(status == target || (accept && status == "provisioning"))) {
    return fail_json("VPC peering connection " + id + " is " + status + " and can no longer be " +
                         (accept ? "accepted" : "rejected"),
                     {{"peering_id", id}, {"vpc_peering_connection", connection_result(connection)}});
  }
  auto tagged = apply_tags(connection);
  if (!tagged) return failed(tagged.error(), id);
  changed = changed || *tagged;
  if (check_) {
    if (changed && status != target && status != "provisioning") {
      connection.status = VpcPeeringConnectionStateReason{target, std::nullopt};
    }
    return done(changed, connection, before);
  }
  if (args_.wait) {
    if (auto waited = wait_for(id, {target}); !waited) return failed(waited.error(), id);
  }
  auto now = reload(connection);
  if (!now) return failed(now.error(), id);
  return done(changed, *now, before);
}

}  // namespace

ModuleExit run(const Args& args, PeeringApi& api, bool check_mode, bool diff_mode) {
  Runner runner(args, api, check_mode, diff_mode);
  if (args.state == "present") return runner.present();
  if (args.state == "absent") return runner.absent();
  return runner.accept_or_reject();
}

}  // namespace ec2::ansible::vpc_peering
