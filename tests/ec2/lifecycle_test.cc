// The whole lifecycle: every command from every starting state of the key's instance.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "ec2/ops/instances.h"
#include "ec2/ops/security_groups.h"
#include "fixture.h"

namespace ec2::test {
namespace {

const std::vector<std::string> kStates = {"none", "pending", "running", "stopping", "stopped", "terminated"};

class FromState : public Ec2Test, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(bring_to(GetParam())); }
  bool had_instance() const { return GetParam() != "none" && GetParam() != "terminated"; }
};

TEST_P(FromState, EnsureEndsRunningWithChecksPassed) {
  std::string before = had_instance() ? *the_instance().instance_id : "";
  auto r = ec2({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Instance instance = the_instance();
  EXPECT_EQ(state(instance), "running");
  if (had_instance()) {
    EXPECT_EQ(*instance.instance_id, before) << "must reuse the instance";
  }
  EXPECT_NE(r.out.find("Instance " + *instance.instance_id + " running."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(instance.public_dns_name.value_or("?")), std::string::npos) << r.out;
  expect_one_instance_and_matching_key();
  DescribeInstanceStatusRequest status;
  status.instance_ids = {*instance.instance_id};
  auto checks = describe_instance_status(ec2_.aws(), status);
  ASSERT_TRUE(checks && !checks->instance_statuses.empty());
  EXPECT_EQ(checks->instance_statuses[0].instance_status->status, "ok");
  // SSH is open to the caller's address only.
  auto group = security_group(ec2_.aws(), key_);
  ASSERT_TRUE(group);
  std::vector<std::string> cidrs;
  for (auto& perm : group->ip_permissions.value_or(std::vector<IpPermission>{}))
    for (auto& range : perm.ip_ranges.value_or(std::vector<IpRange>{})) cidrs.push_back(*range.cidr_ip);
  EXPECT_EQ(cidrs, std::vector<std::string>{"127.0.0.1/32"});
  // Running again changes nothing.
  auto again = ec2({});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(*the_instance().instance_id, *instance.instance_id);
}

TEST_P(FromState, StopEndsStoppedOrCreatesNothing) {
  auto r = ec2({"-s"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  if (!had_instance()) {
    EXPECT_NE(r.err.find("nothing to stop"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(owned_instances(ec2_.aws(), key_).empty());
    if (GetParam() == "none") {
      EXPECT_FALSE(key_pair(ec2_.aws(), key_));
      EXPECT_FALSE(read_file(ec2_.key_file(key_)));
    }
    return;
  }
  EXPECT_EQ(state(the_instance()), "stopped");
  EXPECT_NE(r.out.find("stopped"), std::string::npos) << r.out;
}

TEST_P(FromState, RemoveLeavesNothingAndSaysSoNextTime) {
  auto r = ec2({"-r"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_nothing_left();
  if (GetParam() == "none") {
    EXPECT_NE(r.out.find("Nothing to remove"), std::string::npos) << r.out;
  }
  auto again = ec2({"-r"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Nothing to remove"), std::string::npos) << again.out;
}

TEST_P(FromState, InfoIsReadOnlyAndPrintsOnlyTheDns) {
  auto before = emulator_.control("GET", "stats");
  auto r = ec2({"-i"}, /*fast_forward=*/false);
  std::string dns = had_instance() ? the_instance().public_dns_name.value_or("") : "";
  if (!dns.empty()) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, *the_instance().public_dns_name + "\n");
  } else {
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
  }
  auto earlier = nlohmann::json::parse(before)["actions"];
  auto stats = nlohmann::json::parse(emulator_.control("GET", "stats"));
  for (auto& [action, count] : stats["actions"].items()) {
    bool called = count != earlier.value(action, nlohmann::json(0));
    bool read_only = action.rfind("Describe", 0) == 0;
    EXPECT_TRUE(!called || read_only) << "ec2 -i called " << action;
  }
  if (GetParam() == "none") {
    EXPECT_FALSE(read_file(ec2_.key_file(key_)));
  }
}

TEST_P(FromState, VerboseInfoAndJsonDescribeTheInstance) {
  auto r = ec2({"-i", "-v"}, false);
  auto j = ec2({"-i", "--json"}, false);
  if (!had_instance()) {
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(j.exit_code, 3);
    return;
  }
  Instance instance = the_instance();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (std::string fact : {*instance.instance_id, state(instance), std::string("t2.nano"), *instance.image_id,
                           std::string("amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2"), std::string("us-east-1"),
                           *instance.private_ip_address, ec2_.key_file(key_)})
    EXPECT_NE(r.out.find(fact), std::string::npos) << fact << "\n" << r.out;
  if (instance.public_dns_name.value_or("") != "") {
    EXPECT_NE(r.out.find("ssh -i " + ec2_.key_file(key_)), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ec2-user@" + *instance.public_dns_name), std::string::npos) << r.out;
  } else {
    EXPECT_NE(r.out.find("Public DNS:    none"), std::string::npos) << r.out;
  }
  ASSERT_EQ(j.exit_code, 0) << j.err;
  auto json = nlohmann::json::parse(j.out);
  EXPECT_EQ(json["instance_id"], *instance.instance_id);
  EXPECT_EQ(json["state"], state(instance));
}

TEST_P(FromState, DryRunChangesNothing) {
  auto before = owned_instances(ec2_.aws(), key_);
  for (auto args : std::vector<std::vector<std::string>>{{"-d"}, {"-d", "-s"}, {"-d", "-r"}}) {
    auto r = ec2(args, false);
    EXPECT_EQ(r.exit_code, 0) << args.size() << r.err;
    EXPECT_NE(r.out + r.err, "") << "a dry run says what it found";
  }
  auto after = owned_instances(ec2_.aws(), key_);
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(state(before[i]), state(after[i]));
  if (GetParam() == "none") {
    EXPECT_FALSE(key_pair(ec2_.aws(), key_));
    EXPECT_FALSE(security_group(ec2_.aws(), key_));
    EXPECT_FALSE(read_file(ec2_.key_file(key_)));
  }
}

TEST_P(FromState, SshRunsTheRightCommand) {
  ec2_.env()["EC2_SSH"] = "/bin/echo";
  auto r = ec2({"--ssh", "--", "uname", "-a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Instance instance = the_instance();
  EXPECT_EQ(r.out, "-i " + ec2_.key_file(key_) +
                       " -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new ec2-user@" +
                       *instance.public_dns_name + " uname -a\n");
}

INSTANTIATE_TEST_SUITE_P(States, FromState, ::testing::ValuesIn(kStates),
                         [](const auto& info) { return info.param; });

TEST_F(Ec2Test, NeverTouchesInstancesItDidNotCreate) {
  ASSERT_EQ(ec2({}).exit_code, 0);
  // Someone else's instance using the same key name, without the ownership tag.
  RunInstancesRequest foreign;
  foreign.image_id = *the_instance().image_id;
  foreign.instance_type = "t2.micro";
  foreign.key_name = key_;
  auto ran = run_instances(ec2_.aws(), foreign);
  ASSERT_TRUE(ran) << to_string(ran.error());
  std::string foreign_id = *ran->reservation.instances->at(0).instance_id;
  emulator_.advance();
  EXPECT_EQ(ec2({"-s"}).exit_code, 0);
  EXPECT_EQ(ec2({"-r"}).exit_code, 0);
  bool still_running = false;
  for (auto& i : instances_with_key(ec2_.aws(), key_))
    if (i.instance_id == foreign_id) still_running = state(i) == "running";
  EXPECT_TRUE(still_running);
}

TEST_F(Ec2Test, ANewKeyAfterRemoveGivesANewInstance) {
  ASSERT_EQ(ec2({}).exit_code, 0);
  std::string first = *the_instance().instance_id;
  ASSERT_EQ(ec2({"-r"}).exit_code, 0);
  ASSERT_EQ(ec2({}).exit_code, 0);
  EXPECT_NE(*the_instance().instance_id, first);
  expect_one_instance_and_matching_key();
}

TEST_F(Ec2Test, RsaKeysWorkToo) {
  auto r = ec2({"--key-type", "rsa"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_one_instance_and_matching_key();
  auto text = read_file(ec2_.key_file(key_));
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->starts_with("-----BEGIN RSA PRIVATE KEY-----"));
}

TEST_F(Ec2Test, KeyFileIsPrivateAndOpenSshFormat) {
  ASSERT_EQ(ec2({}).exit_code, 0);
  struct stat st{};
  ASSERT_EQ(stat(ec2_.key_file(key_).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat(ec2_.key_dir().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_TRUE(read_file(ec2_.key_file(key_))->starts_with("-----BEGIN OPENSSH PRIVATE KEY-----"));
}

TEST_F(Ec2Test, ExplicitSshCidrIsUsed) {
  ASSERT_EQ(ec2({"--ssh-cidr", "0.0.0.0/0"}).exit_code, 0);
  auto group = security_group(ec2_.aws(), key_);
  ASSERT_TRUE(group && group->ip_permissions && !group->ip_permissions->empty());
  EXPECT_EQ((*group->ip_permissions)[0].ip_ranges->at(0).cidr_ip, "0.0.0.0/0");
}

TEST_F(Ec2Test, SshFollowsTheCallersAddressAndKeepsOtherRules) {
  ASSERT_EQ(ec2({"--ssh-cidr", "198.51.100.7/32"}).exit_code, 0);
  auto group = security_group(ec2_.aws(), key_);
  ASSERT_TRUE(group && group->group_id);
  AuthorizeSecurityGroupIngressRequest own;
  own.group_id = group->group_id;
  IpPermission https;
  https.ip_protocol = "tcp";
  https.from_port = 443;
  https.to_port = 443;
  https.ip_ranges = std::vector<IpRange>{{"203.0.113.0/24", std::string("added by hand")}};
  own.ip_permissions = {https};
  ASSERT_TRUE(authorize_security_group_ingress(ec2_.aws(), own));
  // The caller's address is now 127.0.0.1 (from the emulator's check-IP service).
  auto r = ec2({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no longer allows SSH from 198.51.100.7/32"), std::string::npos) << r.err;
  group = security_group(ec2_.aws(), key_);
  ASSERT_TRUE(group);
  std::vector<std::string> cidrs;
  for (auto& perm : group->ip_permissions.value_or(std::vector<IpPermission>{}))
    for (auto& range : perm.ip_ranges.value_or(std::vector<IpRange>{})) cidrs.push_back(*range.cidr_ip);
  std::sort(cidrs.begin(), cidrs.end());
  EXPECT_EQ(cidrs, (std::vector<std::string>{"127.0.0.1/32", "203.0.113.0/24"}));
}

}  // namespace
}  // namespace ec2::test
