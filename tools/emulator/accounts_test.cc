// The accounts file and the per-account worlds it creates.
#include "accounts.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "creds_test_util.h"

namespace ec2::emu {
namespace {

using testing::accounts_emulator;
using testing::kAlice;
using testing::kBob;
using testing::kBuiltin;
using testing::ManualClock;
using testing::signed_call;

TEST(AccountsFile, ParsesUsersRolesIssuersSsoAndProfiles) {
  auto accounts = parse_accounts(testing::test_accounts_yaml(), "t.yaml");
  ASSERT_TRUE(accounts.ok()) << accounts.error().message;
  ASSERT_EQ(accounts->accounts.size(), 2u);
  const Role* admin = accounts->find_role_arn("arn:aws:iam::111111111111:role/admin");
  ASSERT_NE(admin, nullptr);
  EXPECT_TRUE(admin->mfa_required);
  EXPECT_EQ(admin->max_session_duration, 7200);
  EXPECT_EQ(admin->role_id.substr(0, 4), "AROA");
  EXPECT_EQ(accounts->find_role("222222222222", "deploy")->external_id, "ext-1");
  EXPECT_EQ(accounts->find_mfa("arn:aws:iam::111111111111:mfa/alice")->name, "alice");
  EXPECT_EQ(accounts->find_profile("111111111111", "web-profile")->role, "web");
  EXPECT_EQ(accounts->find_profile("111111111111", "arn:aws:iam::111111111111:instance-profile/web-profile")->name,
            "web-profile");
  EXPECT_EQ(accounts->find_issuer("https://issuer.test")->hs256_secret, "issuer-secret");
  EXPECT_EQ(accounts->sso->region, "eu-west-1");
  EXPECT_EQ(accounts->sso->find_user("carol")->assignments.at("222222222222"), std::vector<std::string>{"ReadOnly"});
  EXPECT_EQ(accounts->seeded(), (std::vector<std::string>{"111111111111", "222222222222"}));
}

TEST(AccountsFile, TheDocumentedExampleLoads) {
  auto accounts = load_accounts(EC2_SOURCE_DIR "/docs/emulator-accounts.yaml");
  ASSERT_TRUE(accounts.ok()) << accounts.error().message;
  EXPECT_EQ(accounts->find("222222222222")->alias, "prod");
}

TEST(AccountsFile, ErrorsNameFileAndLine) {
  auto bad_id = parse_accounts("accounts:\n  - id: 1234\n", "a.yaml");
  ASSERT_FALSE(bad_id.ok());
  EXPECT_EQ(bad_id.error().message, "a.yaml:2: account id '1234' must be 12 digits (quote it)");
  auto no_secret = parse_accounts(
      "accounts:\n  - id: \"111111111111\"\n    users:\n      - name: a\n        access_keys:\n          - id: AKIAX\n",
      "b.yaml");
  ASSERT_FALSE(no_secret.ok());
  EXPECT_EQ(no_secret.error().message, "b.yaml:6: 'secret' is required");
  auto profile = parse_accounts(
      "accounts:\n  - id: \"111111111111\"\n    instance_profiles:\n      - {name: p, role: nope}\n", "c.yaml");
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(profile.error().message, "c.yaml:4: instance profile role 'nope' is not a role of 111111111111");
  auto syntax = parse_accounts("accounts: [\n", "d.yaml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().message.substr(0, 7), "d.yaml:");
  EXPECT_FALSE(load_accounts("/nonexistent/accounts.yaml").ok());
}

TEST(AccountsFile, UnknownPermissionSetAndUndeclaredAccountAreRefused) {
  std::string base = "accounts:\n  - id: \"111111111111\"\nsso:\n  start_url: https://x\n  permission_sets: [{name: A}]\n"
                     "  users:\n    - name: u\n      assignments:\n";
  auto unknown = parse_accounts(base + "        - {account: \"111111111111\", permission_sets: [B]}\n", "e.yaml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "e.yaml:9: unknown permission set 'B'");
  auto undeclared = parse_accounts(base + "        - {account: \"999999999999\", permission_sets: [A]}\n", "f.yaml");
  ASSERT_FALSE(undeclared.ok());
  EXPECT_EQ(undeclared.error().message, "f.yaml: SSO user u is assigned to undeclared account 999999999999");
}

TEST(Accounts, EachAccountAndRegionIsItsOwnWorld) {
  auto clock = std::make_shared<ManualClock>();
  auto emulator = accounts_emulator(clock);
  auto alice_keys = signed_call(*emulator, *clock, "ec2", "Action=CreateKeyPair&KeyName=only-in-dev", kAlice);
  ASSERT_EQ(alice_keys.status, 200) << alice_keys.body;
  auto alice = signed_call(*emulator, *clock, "ec2", "Action=DescribeKeyPairs", kAlice);
  auto bob = signed_call(*emulator, *clock, "ec2", "Action=DescribeKeyPairs", kBob);
  auto builtin = signed_call(*emulator, *clock, "ec2", "Action=DescribeKeyPairs", kBuiltin);
  auto alice_west = signed_call(*emulator, *clock, "ec2", "Action=DescribeKeyPairs", kAlice, "eu-west-1");
  EXPECT_EQ(alice.texts("//keySet/item/keyName"), std::vector<std::string>{"only-in-dev"});
  EXPECT_TRUE(bob.texts("//keySet/item/keyName").empty());
  EXPECT_TRUE(builtin.texts("//keySet/item/keyName").empty());
  EXPECT_TRUE(alice_west.texts("//keySet/item/keyName").empty());
  auto vpcs_a = signed_call(*emulator, *clock, "ec2", "Action=DescribeVpcs", kAlice);
  auto vpcs_b = signed_call(*emulator, *clock, "ec2", "Action=DescribeVpcs", kBob);
  EXPECT_EQ(vpcs_a.text("//vpcSet/item/ownerId"), "111111111111");
  EXPECT_EQ(vpcs_b.text("//vpcSet/item/ownerId"), "222222222222");
  EXPECT_NE(vpcs_a.text("//vpcSet/item/vpcId"), vpcs_b.text("//vpcSet/item/vpcId"));
  // Public images are shared: the same AMI ids in every account.
  auto images_a = signed_call(*emulator, *clock, "ec2", "Action=DescribeImages&Owner.1=amazon", kAlice);
  auto images_b = signed_call(*emulator, *clock, "ec2", "Action=DescribeImages&Owner.1=amazon", kBob);
  EXPECT_FALSE(images_a.texts("//imagesSet/item/imageId").empty());
  EXPECT_EQ(images_a.texts("//imagesSet/item/imageId"), images_b.texts("//imagesSet/item/imageId"));
}

TEST(Accounts, TheStateFileKeepsEveryAccount) {
  std::string path = ::testing::TempDir() + "/accounts-state.json";
  std::remove(path.c_str());
  auto clock = std::make_shared<ManualClock>();
  {
    auto emulator = accounts_emulator(clock, 0, path);
    auto created = signed_call(*emulator, *clock, "ec2", "Action=CreateKeyPair&KeyName=prod-key", kAlice, "eu-west-1");
    ASSERT_EQ(created.status, 200) << created.body;
  }
  auto reloaded = accounts_emulator(clock, 0, path);
  auto alice = signed_call(*reloaded, *clock, "ec2", "Action=DescribeKeyPairs", kAlice, "eu-west-1");
  auto builtin = signed_call(*reloaded, *clock, "ec2", "Action=DescribeKeyPairs", kBuiltin, "eu-west-1");
  EXPECT_EQ(alice.texts("//keySet/item/keyName"), std::vector<std::string>{"prod-key"});
  EXPECT_TRUE(builtin.texts("//keySet/item/keyName").empty());
  std::remove(path.c_str());
}

TEST(Accounts, ReadOnlyUserKeysCannotMutate) {
  auto clock = std::make_shared<ManualClock>();
  auto emulator = accounts_emulator(clock);
  auto answer = signed_call(*emulator, *clock, "ec2", "Action=CreateKeyPair&KeyName=k", kBob);
  EXPECT_EQ(answer.status, 403);
  EXPECT_EQ(answer.code(), "UnauthorizedOperation");
}

TEST(Accounts, SeedingFillsEveryAccountNamedForIt) {
  auto clock = std::make_shared<ManualClock>();
  auto emulator = accounts_emulator(clock, 4);
  auto a = signed_call(*emulator, *clock, "ec2", "Action=DescribeInstances", kAlice);
  auto b = signed_call(*emulator, *clock, "ec2", "Action=DescribeInstances", kBob);
  auto builtin = signed_call(*emulator, *clock, "ec2", "Action=DescribeInstances", kBuiltin);
  EXPECT_EQ(a.texts("//instancesSet/item/instanceId").size(), 4u);
  EXPECT_EQ(b.texts("//instancesSet/item/instanceId").size(), 4u);
  EXPECT_TRUE(builtin.texts("//instancesSet/item/instanceId").empty());
  EXPECT_EQ(b.text("//reservationSet/item/ownerId"), "222222222222");
}

TEST(Accounts, SessionTokenWithLongTermKeyIsRefusedInAccountsMode) {
  auto clock = std::make_shared<ManualClock>();
  auto emulator = accounts_emulator(clock);
  testing::Keys with_token = kAlice;
  with_token.token = "made-up";
  auto answer = signed_call(*emulator, *clock, "ec2", "Action=DescribeVpcs", with_token);
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(answer.code(), "AuthFailure");
}

}  // namespace
}  // namespace ec2::emu
