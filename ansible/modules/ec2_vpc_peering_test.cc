// ec2_vpc_peering: state semantics against an in-memory EC2, argument rules, snake_casing.
#include <gtest/gtest.h>

#include <map>

#include "ec2_vpc_peering.h"

namespace ec2::ansible::vpc_peering {
namespace {

using nlohmann::json;

/// An in-memory EC2 holding peering connections; counts the calls that change something.
class FakeApi final : public PeeringApi {
 public:
  std::map<std::string, VpcPeeringConnection> connections;
  int mutations = 0;
  std::optional<Error> create_error;
  std::string after_wait;  ///< Status a wait finds (empty: the awaited one).

  VpcPeeringConnection& add(const std::string& id, const std::string& from, const std::string& to,
                            const std::string& status) {
    VpcPeeringConnection c;
    c.vpc_peering_connection_id = id;
    c.requester_vpc_info = VpcPeeringConnectionVpcInfo{};
    c.requester_vpc_info->vpc_id = from;
    c.accepter_vpc_info = VpcPeeringConnectionVpcInfo{};
    c.accepter_vpc_info->vpc_id = to;
    c.status = VpcPeeringConnectionStateReason{status, std::nullopt};
    return connections[id] = c;
  }
  std::string status(const std::string& id) { return *connections.at(id).status->code; }

  Result<std::vector<VpcPeeringConnection>> find(const std::string& from, const std::string& to) override {
    std::vector<VpcPeeringConnection> out;
    for (auto& [id, c] : connections) {
      if (c.requester_vpc_info->vpc_id == from && c.accepter_vpc_info->vpc_id == to) out.push_back(c);
    }
    return out;
  }
  Result<std::optional<VpcPeeringConnection>> get(const std::string& id) override {
    if (id.rfind("pcx-", 0) != 0) {
      return make_error(ErrorCategory::Client, "InvalidVpcPeeringConnectionId.Malformed", "malformed " + id);
    }
    auto it = connections.find(id);
    if (it == connections.end()) return std::optional<VpcPeeringConnection>{};
    return std::optional(it->second);
  }
  Result<VpcPeeringConnection> create(const CreateVpcPeeringConnectionRequest& r) override {
    if (create_error) return *create_error;
    ++mutations;
    auto& c = add("pcx-" + std::to_string(connections.size() + 1), r.vpc_id, r.peer_vpc_id, "initiating-request");
    if (!r.tag_specifications.empty()) c.tags = r.tag_specifications[0].tags;
    return c;
  }
  Status set_status(const std::string& id, const std::string& status) {
    ++mutations;
    connections.at(id).status->code = status;
    return {};
  }
  Status accept(const std::string& id) override { return set_status(id, "provisioning"); }
  Status reject(const std::string& id) override { return set_status(id, "rejected"); }
  Result<bool> remove(const std::string& id) override { return set_status(id, "deleting").ok(); }
  Result<vpc::EnsureTagsResult> ensure_tags(const std::string& id, const vpc::TagMap& tags, bool purge,
                                            bool check_mode) override {
    auto& c = connections.at(id);
    vpc::EnsureTagsResult r;
    r.before = vpc::to_tag_map(c.tags.value_or(Tags{}));
    auto diff = vpc::compare_tags(r.before, tags, purge);
    r.changed = !diff.empty();
    r.after = r.before;
    for (auto& k : diff.to_unset) r.after.erase(k);
    for (auto& [k, v] : diff.to_set) r.after[k] = v;
    if (r.changed && !check_mode) {
      ++mutations;
      c.tags = vpc::to_tags(r.after);
    }
    return r;
  }
  Status wait(const std::string& id, const std::vector<std::string>& states, std::chrono::seconds) override {
    ++waits;
    std::string reached = after_wait.empty() ? states.front() : after_wait;
    connections.at(id).status->code = reached;
    if (std::find(states.begin(), states.end(), reached) == states.end()) {
      return make_error(ErrorCategory::Client, "WaiterFailure", "it reached state '" + reached + "'");
    }
    return {};
  }
  int waits = 0;
};

Args present(std::string from = "vpc-a", std::string to = "vpc-b") {
  Args a;
  a.vpc_id = from;
  a.peer_vpc_id = to;
  return a;
}

Args by_id(const std::string& state, const std::string& id) {
  Args a;
  a.state = state;
  a.peering_id = id;
  return a;
}

bool changed(const ModuleExit& exit) { return !exit.failed && exit.result.at("changed").get<bool>(); }

TEST(VpcPeeringRun, CreateRepeatSwapAndRetagSequence) {
  FakeApi api;
  Args create = present();
  create.tags = vpc::TagMap{{"Name", "link"}};
  ModuleExit check = run(create, api, true, false);
  EXPECT_TRUE(changed(check));
  EXPECT_TRUE(api.connections.empty());
  ModuleExit first = run(create, api, false, false);
  ASSERT_TRUE(changed(first));
  EXPECT_EQ(first.result["peering_id"], "pcx-1");
  EXPECT_EQ(first.result["vpc_peering_connection"]["tags"], json({{"Name", "link"}}));
  api.connections["pcx-1"].status->code = "pending-acceptance";
  EXPECT_FALSE(changed(run(create, api, true, false)));
  EXPECT_FALSE(changed(run(create, api, false, false)));
  Args swapped = present("vpc-b", "vpc-a");
  swapped.tags = create.tags;
  ModuleExit again = run(swapped, api, false, false);
  EXPECT_FALSE(changed(again));
  EXPECT_EQ(again.result["peering_id"], "pcx-1");
  Args retag = create;
  retag.tags = vpc::TagMap{{"Name", "link"}, {"Stage", "two"}};
  ModuleExit retag_check = run(retag, api, true, false);
  EXPECT_TRUE(changed(retag_check));
  EXPECT_EQ(retag_check.result["vpc_peering_connection"]["tags"]["Stage"], "two");
  EXPECT_EQ(api.connections["pcx-1"].tags->size(), 1u);
  EXPECT_TRUE(changed(run(retag, api, false, false)));
  EXPECT_FALSE(changed(run(retag, api, true, false)));
  EXPECT_FALSE(changed(run(retag, api, false, false)));
  EXPECT_EQ(api.connections.size(), 1u);
}

TEST(VpcPeeringRun, FinishedConnectionsAreNotReused) {
  FakeApi api;
  api.add("pcx-old", "vpc-a", "vpc-b", "rejected");
  EXPECT_TRUE(changed(run(present(), api, false, false)));
  EXPECT_EQ(api.connections.size(), 2u);
}

TEST(VpcPeeringRun, AcceptAndRejectSequences) {
  FakeApi api;
  api.add("pcx-1", "vpc-a", "vpc-b", "pending-acceptance");
  api.add("pcx-2", "vpc-a", "vpc-c", "pending-acceptance");
  ModuleExit check = run(by_id("accept", "pcx-1"), api, true, false);
  EXPECT_TRUE(changed(check));
  EXPECT_EQ(check.result["vpc_peering_connection"]["status"]["code"], "active");
  EXPECT_EQ(api.mutations, 0);
  Args accept = by_id("accept", "pcx-1");
  accept.wait = true;
  ModuleExit accepted = run(accept, api, false, false);
  ASSERT_TRUE(changed(accepted));
  EXPECT_EQ(accepted.result["vpc_peering_connection"]["status"]["code"], "active");
  EXPECT_FALSE(changed(run(by_id("accept", "pcx-1"), api, true, false)));
  EXPECT_FALSE(changed(run(by_id("accept", "pcx-1"), api, false, false)));
  EXPECT_TRUE(changed(run(by_id("reject", "pcx-2"), api, true, false)));
  EXPECT_EQ(api.status("pcx-2"), "pending-acceptance");
  EXPECT_TRUE(changed(run(by_id("reject", "pcx-2"), api, false, false)));
  EXPECT_EQ(api.status("pcx-2"), "rejected");
  EXPECT_FALSE(changed(run(by_id("reject", "pcx-2"), api, false, false)));
}

TEST(VpcPeeringRun, AnsweringTheWrongWayFailsClearly) {
  FakeApi api;
  api.add("pcx-1", "vpc-a", "vpc-b", "rejected");
  api.add("pcx-2", "vpc-a", "vpc-c", "active");
  ModuleExit accept = run(by_id("accept", "pcx-1"), api, false, false);
  ASSERT_TRUE(accept.failed);
  EXPECT_EQ(accept.result["msg"], "VPC peering connection pcx-1 is rejected and can no longer be accepted");
  ModuleExit reject = run(by_id("reject", "pcx-2"), api, true, false);
  ASSERT_TRUE(reject.failed);
  EXPECT_EQ(reject.result["msg"], "VPC peering connection pcx-2 is active and can no longer be rejected");
}

TEST(VpcPeeringRun, UnknownAndMalformedIds) {
  FakeApi api;
  ModuleExit unknown = run(by_id("accept", "pcx-404"), api, false, false);
  ASSERT_TRUE(unknown.failed);
  EXPECT_EQ(unknown.result["msg"], "VPC peering connection pcx-404 does not exist");
  ModuleExit gone = run(by_id("absent", "pcx-404"), api, false, false);
  EXPECT_FALSE(gone.failed);
  EXPECT_FALSE(changed(gone));
  ModuleExit malformed = run(by_id("reject", "nope"), api, false, false);
  ASSERT_TRUE(malformed.failed);
  EXPECT_NE(malformed.result["msg"].get<std::string>().find("InvalidVpcPeeringConnectionId.Malformed"),
            std::string::npos);
}

TEST(VpcPeeringRun, AbsentSequence) {
  FakeApi api;
  api.add("pcx-1", "vpc-a", "vpc-b", "active");
  api.add("pcx-2", "vpc-a", "vpc-c", "rejected");
  EXPECT_TRUE(changed(run(by_id("absent", "pcx-1"), api, true, false)));
  EXPECT_EQ(api.status("pcx-1"), "active");
  Args absent = present("vpc-b", "vpc-a");  // found with the VPCs swapped, too
  absent.state = "absent";
  absent.wait = true;
  EXPECT_TRUE(changed(run(absent, api, false, false)));
  EXPECT_EQ(api.status("pcx-1"), "deleted");
  EXPECT_FALSE(changed(run(by_id("absent", "pcx-1"), api, true, false)));
  EXPECT_FALSE(changed(run(by_id("absent", "pcx-1"), api, false, false)));
  ModuleExit rejected = run(by_id("absent", "pcx-2"), api, false, false);
  EXPECT_FALSE(changed(rejected));
  EXPECT_EQ(rejected.result["msg"],
            "Connection has been rejected. State cannot be changed and will be removed automatically by AWS");
}

TEST(VpcPeeringRun, WaitReportsAFailedRequest) {
  FakeApi api;
  api.after_wait = "failed";
  Args create = present();
  create.wait = true;
  ModuleExit exit = run(create, api, false, false);
  ASSERT_TRUE(exit.failed);
  EXPECT_EQ(api.waits, 1);
  EXPECT_EQ(exit.result["peering_id"], "pcx-1");
  EXPECT_NE(exit.result["msg"].get<std::string>().find("pending-acceptance or active"), std::string::npos);
}

TEST(VpcPeeringRun, ApiErrorIsACleanFailure) {
  FakeApi api;
  Error e = make_error(ErrorCategory::Client, "InvalidVpcID.Malformed", "Invalid id: \"vpc-zz\"");
  api.create_error = e.with_context("create VPC peering connection");
  ModuleExit exit = run(present("vpc-zz", "vpc-b"), api, false, false);
  ASSERT_TRUE(exit.failed);
  EXPECT_EQ(exit.result["error"]["code"], "InvalidVpcID.Malformed");
  EXPECT_NE(exit.result["msg"].get<std::string>().find("Failed to create VPC peering connection"), std::string::npos);
}

TEST(VpcPeeringRun, DiffShowsTagsAndStatus) {
  FakeApi api;
  api.add("pcx-1", "vpc-a", "vpc-b", "pending-acceptance");
  Args accept = by_id("accept", "pcx-1");
  accept.tags = vpc::TagMap{{"Env", "ci"}};
  ModuleExit exit = run(accept, api, true, true);
  EXPECT_EQ(exit.result["diff"]["before"]["status"], "pending-acceptance");
  EXPECT_EQ(exit.result["diff"]["after"]["status"], "active");
  EXPECT_EQ(exit.result["diff"]["after"]["tags"], json({{"Env", "ci"}}));
}

TEST(VpcPeeringArgs, RequiredIfAndAbsentRule) {
  auto missing = validate_arguments(spec(), {{"state", "accept"}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "state is accept but all of the following are missing: peering_id");
  auto present_missing = validate_arguments(spec(), {{"vpc_id", "vpc-a"}});
  ASSERT_FALSE(present_missing);
  EXPECT_EQ(present_missing.error().message, "state is present but all of the following are missing: peer_vpc_id");
  auto absent = validate_arguments(spec(), {{"state", "absent"}, {"vpc_id", "vpc-a"}});
  ASSERT_TRUE(absent);
  auto read = read_args(*absent);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message,
            "state is absent but one of the following is missing: peering_id or [vpc_id, peer_vpc_id]");
}

TEST(VpcPeeringArgs, DefaultsAliasAndTagValues) {
  auto module = validate_arguments(
      spec(), {{"vpc_id", "vpc-a"}, {"peer_vpc_id", "vpc-b"}, {"resource_tags", {{"n", 5}, {"b", true}}}});
  ASSERT_TRUE(module);
  auto args = read_args(*module);
  ASSERT_TRUE(args);
  EXPECT_EQ(args->state, "present");
  EXPECT_TRUE(args->purge_tags);
  EXPECT_FALSE(args->wait);
  EXPECT_EQ(args->wait_timeout, std::chrono::seconds(600));
  EXPECT_EQ(*args->tags, (vpc::TagMap{{"n", "5"}, {"b", "True"}}));
  auto bad = validate_arguments(spec(), {{"vpc_id", "vpc-a"}, {"peer_vpc_id", "vpc-b"}, {"tags", {{"l", {1}}}}});
  ASSERT_TRUE(bad);
  EXPECT_FALSE(read_args(*bad));
}

TEST(VpcPeeringResult, ConnectionResultHasTagsDict) {
  VpcPeeringConnection c;
  c.vpc_peering_connection_id = "pcx-1";
  c.status = VpcPeeringConnectionStateReason{"active", "Active"};
  json out = connection_result(c);
  EXPECT_EQ(out["vpc_peering_connection_id"], "pcx-1");
  EXPECT_EQ(out["status"]["code"], "active");
  EXPECT_EQ(out["tags"], json::object());
  c.tags = Tags{{"Name", "x"}};
  EXPECT_EQ(connection_result(c)["tags"], json({{"Name", "x"}}));
}

}  // namespace
}  // namespace ec2::ansible::vpc_peering
