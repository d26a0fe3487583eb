#include "ec2_ini.h"

#include <gtest/gtest.h>

namespace ec2::inventory {
namespace {

Result<Ec2IniSettings> read(const std::string& text, std::map<std::string, std::string> env = {},
                            const std::string& cli_profile = "") {
  auto file = parse_ini("/etc/ansible/ec2.ini", text);
  if (!file) return file.error();
  MapEnvironment environment(std::move(env), "/home/u");
  return read_ec2_ini(*file, cli_profile, environment);
}

Ec2IniSettings ok(const std::string& text, std::map<std::string, std::string> env = {},
                  const std::string& cli_profile = "") {
  auto settings = read(text, std::move(env), cli_profile);
  EXPECT_TRUE(settings.ok()) << (settings ? "" : settings.error().message);
  return settings ? *settings : Ec2IniSettings{};
}

std::string error(const std::string& text) {
  auto settings = read(text);
  EXPECT_FALSE(settings.ok());
  return settings ? "" : settings.error().message;
}

TEST(Ec2Ini, DefaultsAreTheScriptDefaults) {
  Ec2IniSettings s = ok("[ec2]\n");
  EXPECT_EQ(s.region_mode, RegionMode::All);
  EXPECT_EQ(s.regions_exclude, (std::vector<std::string>{"us-gov-west-1", "cn-north-1"}));
  EXPECT_EQ(s.destination_variable, "public_dns_name");
  EXPECT_EQ(s.vpc_destination_variable, "ip_address");
  EXPECT_EQ(s.instance_states, (std::vector<std::string>{"running"}));
  EXPECT_TRUE(s.replace_dash_in_groups);
  EXPECT_FALSE(s.nested_groups);
  EXPECT_FALSE(s.group_by.instance_state);
  EXPECT_FALSE(s.group_by.aws_account);
  EXPECT_TRUE(s.group_by.tag_none);
  EXPECT_EQ(s.cache_path, "~/.ansible/tmp");
  EXPECT_EQ(s.cache_max_age, 300);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(Ec2Ini, RegionsToleratesSpacesAndAuto) {
  Ec2IniSettings list = ok("[ec2]\nregions = us-east-1 , eu-west-1,, \n");
  EXPECT_EQ(list.region_mode, RegionMode::List);
  EXPECT_EQ(list.regions, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
  EXPECT_EQ(ok("[ec2]\nregions = auto\n").region_mode, RegionMode::Auto);
  EXPECT_EQ(ok("[ec2]\nregions = all\nregions_exclude = us-east-1 , eu-west-3\n").regions_exclude,
            (std::vector<std::string>{"us-east-1", "eu-west-3"}));
}

TEST(Ec2Ini, InstanceStates) {
  EXPECT_EQ(ok("[ec2]\ninstance_states = running, stopped\n").instance_states,
            (std::vector<std::string>{"running", "stopped"}));
  EXPECT_EQ(ok("[ec2]\nall_instances = True\ninstance_states = running\n").instance_states,
            all_instance_states());
  EXPECT_EQ(error("[ec2]\n\ninstance_states = running, sleeping\n"),
            "/etc/ansible/ec2.ini:3: option 'instance_states': unknown instance state 'sleeping' "
            "(valid: pending, running, shutting-down, terminated, stopping, stopped)");
}

TEST(Ec2Ini, InstanceFiltersOrOfAndSets) {
  auto sets = parse_instance_filters("tag:env=prod & instance-type=t3.micro, tag:role=db ,,junk");
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0], (FilterPairs{{"tag:env", "prod"}, {"instance-type", "t3.micro"}}));
  EXPECT_EQ(sets[1], (FilterPairs{{"tag:role", "db"}}));
  EXPECT_TRUE(sets[2].empty());  // ec2.py kept a set without valid filters: it matches everything
}

TEST(Ec2Ini, QueryFilterSetsAddTheWantedStates) {
  Ec2IniSettings s = ok("[ec2]\ninstance_filters = tag:a=1,tag:b=2\n");
  auto sets = query_filter_sets(s);
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0], (Filters{{"tag:a", {"1"}}, {"instance-state-name", {"running"}}}));
  EXPECT_EQ(sets[1], (Filters{{"tag:b", {"2"}}, {"instance-state-name", {"running"}}}));
  Ec2IniSettings all = ok("[ec2]\nall_instances = yes\n");
  EXPECT_EQ(query_filter_sets(all), (std::vector<Filters>{Filters{}}));
}

TEST(Ec2Ini, StackFiltersMergeSetsAndRejectAnd) {
  Ec2IniSettings s = ok("[ec2]\nstack_filters = True\ninstance_filters = tag:a=1,tag:b=2,tag:a=3\n");
  EXPECT_EQ(query_filter_sets(s), (std::vector<Filters>{{{"tag:a", {"3"}}, {"tag:b", {"2"}},
                                                         {"instance-state-name", {"running"}}}}));
  EXPECT_EQ(error("[ec2]\nstack_filters = True\ninstance_filters = tag:a=1&tag:b=2\n"),
            "/etc/ansible/ec2.ini:3: option 'instance_filters': '&' (AND) filters cannot be "
            "combined with stack_filters = True");
}

TEST(Ec2Ini, EnvironmentFiltersWinOverTheFile) {
  Ec2IniSettings s = ok("[ec2]\ninstance_filters = tag:a=1\n", {{"EC2_INSTANCE_FILTERS", "tag:b=2"}});
  ASSERT_EQ(s.instance_filters.size(), 1u);
  EXPECT_EQ(s.instance_filters[0], (FilterPairs{{"tag:b", "2"}}));
}

TEST(Ec2Ini, ProfilePrecedenceCliThenEnvThenFile) {
  const char* text = "[ec2]\nboto_profile = file\n[credentials]\naws_access_key_id = AK\n"
                     "aws_secret_access_key = SK\n";
  EXPECT_EQ(ok(text, {{"AWS_PROFILE", "env"}}, "cli").boto_profile, "cli");
  EXPECT_EQ(ok(text, {{"AWS_PROFILE", "env"}}).boto_profile, "env");
  Ec2IniSettings file = ok(text);
  EXPECT_EQ(file.boto_profile, "file");
  EXPECT_EQ(file.access_key_id, "");  // a profile wins over [credentials]
}

TEST(Ec2Ini, CredentialsSectionUsedWithoutProfileOrEnvKeys) {
  const char* text = "[credentials]\naws_access_key_id = AK\naws_secret_access_key = SK\n"
                     "aws_security_token = TOK\n";
  Ec2IniSettings s = ok(text);
  EXPECT_EQ(s.access_key_id, "AK");
  EXPECT_EQ(s.secret_access_key, "SK");
  EXPECT_EQ(s.session_token, "TOK");
  EXPECT_EQ(ok(text, {{"AWS_ACCESS_KEY_ID", "ENV"}}).access_key_id, "");
}

TEST(Ec2Ini, BadConfigsNameFileLineAndOption) {
  EXPECT_EQ(error("[ec2]\nregions = all\nregion = us-east-1\n"),
            "/etc/ansible/ec2.ini:3: unknown option 'region' in [ec2]");
  EXPECT_EQ(error("[ec2]\naws_access_key_id = AK\n"),
            "/etc/ansible/ec2.ini:2: unknown option 'aws_access_key_id' in [ec2] (it belongs in "
            "[credentials])");
  EXPECT_EQ(error("[ec2]\nnested_groups = maybe\n"),
            "/etc/ansible/ec2.ini:2: option 'nested_groups': 'maybe' is not a boolean (use "
            "true/false, yes/no, on/off or 1/0)");
  EXPECT_EQ(error("[ec2]\ncache_max_age = 5m\n"),
            "/etc/ansible/ec2.ini:2: option 'cache_max_age': '5m' is not an integer");
  std::string regex = error("[ec2]\npattern_include = web-(\n");
  EXPECT_EQ(regex.rfind("/etc/ansible/ec2.ini:2: option 'pattern_include': bad regular "
                        "expression 'web-(': ", 0), 0u) << regex;
  EXPECT_EQ(error("[ec2]\ndestination_format = {0}-{2}\ndestination_format_tags = Name,env\n"),
            "/etc/ansible/ec2.ini:2: option 'destination_format': format '{0}-{2}': field {2} "
            "has no value (only 2 destination_format_tags)");
  EXPECT_EQ(error("[rds]\n"), "/etc/ansible/ec2.ini:1: unknown section [rds] (ec2.ini has [ec2] "
                              "and [credentials])");
}

TEST(Ec2Ini, IamRoleIsReadAsWritten) {
  EXPECT_EQ(ok("[ec2]\n").iam_role, "");
  EXPECT_EQ(ok("[ec2]\niam_role =\n").iam_role, "");  // ec2.py: an empty value is no role
  EXPECT_EQ(ok("[ec2]\niam_role = arn:aws:iam::222222222222:role/inventory\n").iam_role,
            "arn:aws:iam::222222222222:role/inventory");
  EXPECT_EQ(ok("[DEFAULT]\niam_role = arn:aws:iam::222222222222:role/ops\n[ec2]\n").iam_role,
            "arn:aws:iam::222222222222:role/ops");
  // Shaped like an ARN: whether it names a role that trusts the caller is for STS to say.
  EXPECT_EQ(ok("[ec2]\niam_role = arn:aws:iam::222222222222:user/bob\n").iam_role,
            "arn:aws:iam::222222222222:user/bob");
}

TEST(Ec2Ini, IamRoleThatIsNotAnArnIsAConfigError) {
  for (const char* value : {"inventory", "arn:aws:iam::222222222222", "arn::iam::222222222222:role/x",
                            "arn:aws:iam::222222222222:", "aws:iam::222222222222:role/x:y"}) {
    EXPECT_EQ(error(std::string("[ec2]\nregions = all\niam_role = ") + value + "\n"),
              std::string("/etc/ansible/ec2.ini:3: option 'iam_role': '") + value +
                  "' is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
  }
}

TEST(Ec2Ini, OtherServicesWarnOnlyWhenEnabled) {
  EXPECT_TRUE(ok("[ec2]\nrds = False\nelasticache = False\nroute53 = False\n").warnings.empty());
  Ec2IniSettings s = ok("[ec2]\nrds = True\nroute53 = yes\ngroup_by_rds_engine = True\n");
  ASSERT_EQ(s.warnings.size(), 2u);
  EXPECT_NE(s.warnings[0].find("rds = True: RDS instances are not supported"), std::string::npos);
  EXPECT_NE(s.warnings[1].find("route53 = True"), std::string::npos);
}

TEST(Ec2Ini, GroupByOptions) {
  Ec2IniSettings s = ok("[ec2]\ngroup_by_instance_id = no\ngroup_by_instance_state = yes\n"
                        "group_by_aws_account = on\ngroup_by_tag_none = 0\n");
  EXPECT_FALSE(s.group_by.instance_id);
  EXPECT_TRUE(s.group_by.instance_state);
  EXPECT_TRUE(s.group_by.aws_account);
  EXPECT_FALSE(s.group_by.tag_none);
}

}  // namespace
}  // namespace ec2::inventory
