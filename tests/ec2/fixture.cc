#include "fixture.h"

#include "ec2/ops/instances.h"
#include "key_match.h"

namespace ec2::test {

std::optional<cli::KeyMaterial> local_key(const std::string& path) {
  auto text = read_file(path);
  if (!text) {
    ADD_FAILURE() << "no key file " << path;
    return std::nullopt;
  }
  auto key = cli::parse_private_key(*text);
  if (!key) {
    ADD_FAILURE() << path << ": " << to_string(key.error());
    return std::nullopt;
  }
  return *key;
}

void Ec2Test::bring_to(const std::string& target) {
  if (target == "none") return;
  if (target == "pending") {
    auto r = ec2({"--no-wait"}, /*fast_forward=*/false);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(state(the_instance()), "pending");
    return;
  }
  auto up = ec2({});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  if (target == "running") return;
  if (target == "stopping") {
    auto r = ec2({"-s", "--no-wait"}, false);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(state(the_instance()), "stopping");
    return;
  }
  if (target == "stopped") {
    auto r = ec2({"-s"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(state(the_instance()), "stopped");
    return;
  }
  ASSERT_EQ(target, "terminated");
  InstanceStateRequest request;
  request.instance_ids = {*the_instance().instance_id};
  ASSERT_TRUE(terminate_instances(ec2_.aws(), request));
  emulator_.advance();
  emulator_.advance();
  ASSERT_TRUE(owned_instances(ec2_.aws(), key_).empty());
}

Instance Ec2Test::the_instance() {
  auto owned = owned_instances(ec2_.aws(), key_);
  EXPECT_EQ(owned.size(), 1u);
  return owned.empty() ? Instance{} : owned.front();
}

void Ec2Test::expect_one_instance_and_matching_key() {
  EXPECT_EQ(owned_instances(ec2_.aws(), key_).size(), 1u);
  auto pair = key_pair(ec2_.aws(), key_);
  ASSERT_TRUE(pair) << "no key pair " << key_;
  auto local = local_key(ec2_.key_file(key_));
  ASSERT_TRUE(local);
  EXPECT_TRUE(cli::same_key(pair->public_key.value_or(""), pair->key_fingerprint.value_or(""), *local))
      << pair->public_key.value_or("(no public key)") << " / " << pair->key_fingerprint.value_or("?") << " vs "
      << local->public_key_line << " / " << local->fingerprint;
}

void Ec2Test::expect_nothing_left() {
  EXPECT_TRUE(owned_instances(ec2_.aws(), key_).empty());
  EXPECT_FALSE(key_pair(ec2_.aws(), key_));
  EXPECT_FALSE(security_group(ec2_.aws(), key_));
  EXPECT_FALSE(read_file(ec2_.key_file(key_)));
}

}  // namespace ec2::test
