// Side by side with Debian's amazon.aws.aws_ec2 plugin: for each config × fleet, our --list text
// must equal what `/usr/bin/ansible-inventory -i CONFIG --list` prints when boto3 is fed the same
// fleet (pyhook/sitecustomize.py answers DescribeRegions/DescribeInstances from the fleet file).

#include <unistd.h>

#include <gtest/gtest.h>

#include "aws_ec2.h"
#include "fixture.h"

namespace ec2::inventory::aws_ec2 {
namespace {

const std::string kDir = EC2_SOURCE_DIR "/tests/inventory/aws_ec2";

struct Case {
  std::string config;
  std::string fleet;
};

/// Keeps CTest names short (GoogleTest would print the parameter's bytes).
void PrintTo(const Case& c, std::ostream* os) { *os << c.config << " on " << c.fleet; }

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.config.substr(0, info.param.config.find('.')) + "_" + info.param.fleet;
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

std::string config_path(const Case& c) { return kDir + "/data/configs/" + c.config; }
std::string fleet_path(const Case& c) { return kDir + "/data/" + c.fleet + ".json"; }

/// What Ansible prints for the case (stdout, and stderr appended after a marker when asked).
std::string ansible_list(const Case& c, bool with_stderr) {
  std::string command = "cd " + std::string(EC2_BINARY_DIR) + " && env PYTHONPATH=" + kDir +
                        "/pyhook EC2_TEST_FIXTURE=" + fleet_path(c) +
                        " AWS_ACCESS_KEY_ID=AKIDTEST AWS_SECRET_ACCESS_KEY=secret ANSIBLE_NOCOLOR=1"
                        " /usr/bin/ansible-inventory -i " + config_path(c) + " --list" +
                        (with_stderr ? " 2>&1" : " 2>/dev/null");
  int status = 0;
  std::string out = testing::run_command(command, &status);
  EXPECT_EQ(status, 0) << command;
  return out;
}

Result<std::string> our_list(const Case& c) {
  auto config = load_aws_ec2_config(config_path(c));
  if (!config) return config.error();
  return build_inventory_text(*config, testing::fixture_records(testing::read_json_file(fleet_path(c))));
}

class SideBySideTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    if (access("/usr/bin/ansible-inventory", X_OK) != 0) GTEST_SKIP() << "Debian's ansible is not installed";
  }
};

TEST_P(SideBySideTest, ListEqualsAnsiblePlugin) {
  auto ours_text = our_list(GetParam());
  ASSERT_TRUE(ours_text) << to_string(ours_text.error());
  auto ours = nlohmann::json::parse(*ours_text);
  std::string theirs_text = ansible_list(GetParam(), false);
  auto theirs = nlohmann::json::parse(theirs_text);
  ASSERT_EQ(ours, theirs) << "JSON patch from ours to Ansible's:\n" << nlohmann::json::diff(ours, theirs).dump(2);
  EXPECT_EQ(*ours_text, theirs_text);
  EXPECT_GT(theirs["_meta"]["hostvars"].size(), 0u);
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const char* config : {"minimal", "typical", "hostnames", "hostnames_filters", "duplicated", "prefix_suffix",
                             "contrib", "expressions", "keyed_edges", "reservation_hostnames"}) {
    for (const char* fleet : {"fleet_small", "fleet_regions", "fleet_mixed"}) {
      cases.push_back(Case{std::string(config) + ".aws_ec2.yml", fleet});
    }
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Fleets, SideBySideTest, ::testing::ValuesIn(all_cases()), case_name);

TEST(SideBySideFailureTest, BoolKeyFailsLikeThePlugin) {
  if (access("/usr/bin/ansible-inventory", X_OK) != 0) GTEST_SKIP() << "Debian's ansible is not installed";
  Case c{"role_bool.aws_ec2.yml", "fleet_small"};
  auto ours = our_list(c);
  ASSERT_FALSE(ours);
  const std::string expected = "Invalid group name format, expected a string or a list of them or dictionary";
  EXPECT_NE(ours.error().message.find(expected), std::string::npos) << ours.error().message;
  std::string theirs = ansible_list(c, true);
  EXPECT_NE(theirs.find("Invalid group name format"), std::string::npos) << theirs;
  EXPECT_NE(theirs.find("\"hostvars\": {}"), std::string::npos) << theirs;
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
