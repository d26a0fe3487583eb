// End to end: ec2-emulator with seeded fleets in two regions, ec2-inventory in ec2.ini mode, and
// real Ansible (Debian's ansible-inventory / ansible) running ec2-inventory as an inventory script.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// The emulator of this build; EC2_EMULATOR_BIN may name another build's.
const char* emulator_path() {
  const char* other = std::getenv("EC2_EMULATOR_BIN");
  return other && *other ? other : EC2_BINARY_DIR "/tools/emulator/ec2-emulator";
}
const char* kInventory = EC2_BINARY_DIR "/tools/inventory/ec2-inventory";

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs `argv` with `env` added to a minimal environment; captures stdout and stderr via files.
Outcome run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
        const fs::path& dir) {
  fs::path out = dir / "out.txt", err = dir / "err.txt";
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<std::string> entries = {"PATH=/usr/bin:/bin"};
    for (const auto& [k, v] : env) entries.push_back(k + "=" + v);
    std::vector<char*> envp, args;
    for (auto& e : entries) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> copy = argv;
    for (auto& a : copy) args.push_back(a.data());
    args.push_back(nullptr);
    if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) _exit(126);
    ::execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  Outcome result;
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

/// ec2.py's hostname treatment of an attribute value: '-' and other characters to '_', lower case.
std::string to_safe_lower(const json& value) {
  std::string out = value.get<std::string>();
  for (char& c : out) {
    c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  }
  return out;
}

class InventoryIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ec2-inventory-it-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "home");
    fs::path port_file = dir_ / "port";
    std::vector<std::string> argv = {emulator_path(), "--host", "127.0.0.1", "--port", "0", "--port-file",
                                     port_file.string(), "--seed-instances", "24", "--seed-regions",
                                     "us-east-1,eu-west-1"};
    for (const std::string& option : emulator_options()) argv.push_back(option);
    pid_ = ::fork();
    if (pid_ == 0) {
      std::string log = (dir_ / "emulator.log").string();
      if (!std::freopen(log.c_str(), "w", stdout) || !std::freopen(log.c_str(), "a", stderr)) _exit(126);
      std::vector<char*> args;
      for (std::string& arg : argv) args.push_back(arg.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      _exit(127);
    }
    for (int i = 0; i < 300 && port_ == 0; ++i) {
      std::ifstream in(port_file);
      in >> port_;
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_NE(port_, 0) << "ec2-emulator did not start";
    env_ = {{"HOME", (dir_ / "home").string()},
            {"AWS_EC2_METADATA_DISABLED", "true"},  // never the instance-metadata address
            {"AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"},
            {"AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
            {"AWS_REGION", "us-east-1"},
            {"AWS_ENDPOINT_URL", "http://127.0.0.1:" + std::to_string(port_)},
            {"EC2_INI_PATH", (dir_ / "ec2.ini").string()},
            {"ANSIBLE_LOCAL_TEMP", (dir_ / "ansible-tmp").string()},
            {"ANSIBLE_INVENTORY_ENABLED", "script"}};
  }

  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
    fs::remove_all(dir_);
  }

  /// Emulator options besides its address and fleet (dir_ exists when this is called).
  virtual std::vector<std::string> emulator_options() { return {}; }

  void write_ini(const std::string& extra) {
    std::ofstream(dir_ / "ec2.ini") << "[ec2]\nregions = us-east-1, eu-west-1\n"
                                       "vpc_destination_variable = private_ip_address\n"
                                       "destination_variable = private_ip_address\n"
                                       "hostname_variable = id\n"
                                       "all_instances = True\ncache_path = "
                                    << (dir_ / "cache").string() << "\n" << extra;
  }

  json list() {
    Outcome r = run({kInventory, "--list"}, env_, dir_);
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  fs::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::map<std::string, std::string> env_;
};

TEST_F(InventoryIntegration, ListsEverySeededInstanceOfBothRegions) {
  write_ini("");
  json inventory = list();
  ASSERT_TRUE(inventory.is_object());
  EXPECT_EQ(inventory["_meta"]["hostvars"].size(), 24u);
  ASSERT_TRUE(inventory["ec2"].is_array());
  EXPECT_EQ(inventory["ec2"].size(), 24u);
  EXPECT_TRUE(inventory.contains("us-east-1"));
  EXPECT_TRUE(inventory.contains("eu-west-1"));
  for (const auto& [host, vars] : inventory["_meta"]["hostvars"].items()) {
    EXPECT_EQ(vars["ansible_host"], vars["ec2_private_ip_address"]);
    EXPECT_EQ(to_safe_lower(vars["ec2_id"]), host);
    EXPECT_TRUE(vars["ec2_id"].get<std::string>().rfind("i-", 0) == 0);
  }
}

TEST_F(InventoryIntegration, AnsibleInventoryRunsTheExecutable) {
  write_ini("");
  json ours = list();
  Outcome r = run({"/usr/bin/ansible-inventory", "-i", kInventory, "--list"}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  json theirs = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(theirs.is_object()) << r.out;
  EXPECT_EQ(theirs["_meta"]["hostvars"].size(), ours["_meta"]["hostvars"].size());
  for (const auto& [host, vars] : ours["_meta"]["hostvars"].items()) {
    EXPECT_EQ(theirs["_meta"]["hostvars"][host]["ec2_id"], vars["ec2_id"]) << host;
  }
  ASSERT_TRUE(theirs["ec2"]["hosts"].is_array()) << theirs["ec2"].dump();
  EXPECT_EQ(theirs["ec2"]["hosts"].size(), 24u);
}

TEST_F(InventoryIntegration, AnsibleListHosts) {
  write_ini("");
  Outcome r = run({"/usr/bin/ansible", "all", "-i", kInventory, "--list-hosts"}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("hosts (24):"), std::string::npos) << r.out;
}

TEST_F(InventoryIntegration, AnsibleInventoryGraph) {
  write_ini("");
  json ours = list();
  Outcome r = run({"/usr/bin/ansible-inventory", "-i", kInventory, "--graph"}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("@all:\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\n  |--@ec2:\n"), std::string::npos) << r.out;
  ASSERT_EQ(ours["ec2"].size(), 24u);
  for (const auto& host : ours["ec2"]) {
    EXPECT_NE(r.out.find("|--" + host.get<std::string>() + "\n"), std::string::npos) << host;
  }
}

TEST_F(InventoryIntegration, ProfileOptionPicksTheCredentials) {
  write_ini("");
  fs::create_directories(dir_ / "home" / ".aws");
  std::ofstream(dir_ / "home" / ".aws" / "credentials")
      << "[ops]\naws_access_key_id = " << env_["AWS_ACCESS_KEY_ID"]
      << "\naws_secret_access_key = " << env_["AWS_SECRET_ACCESS_KEY"] << "\n";
  auto env = env_;
  env.erase("AWS_ACCESS_KEY_ID");
  env.erase("AWS_SECRET_ACCESS_KEY");
  fs::path config = dir_ / "fleet.aws_ec2.yml";
  std::ofstream(config) << "plugin: amazon.aws.aws_ec2\nregions: [us-east-1, eu-west-1]\n";

  Outcome none = run({kInventory, "--list"}, env, dir_);
  EXPECT_NE(none.status, 0);
  EXPECT_EQ(none.out, "");
  for (const std::vector<std::string>& argv :
       {std::vector<std::string>{kInventory, "--profile", "ops", "--list"},
        std::vector<std::string>{kInventory, "--boto-profile", "ops", "--list"},
        std::vector<std::string>{kInventory, "--config", config.string(), "--profile", "ops", "--list"}}) {
    Outcome r = run(argv, env, dir_);
    ASSERT_EQ(r.status, 0) << argv[1] << ": " << r.err;
    EXPECT_EQ(json::parse(r.out)["_meta"]["hostvars"].size(), 24u) << argv[1];
  }
}

TEST_F(InventoryIntegration, DebugNamesTheCredentialProviderButNoSecret) {
  write_ini("");
  fs::create_directories(dir_ / "home" / ".aws");
  std::ofstream(dir_ / "home" / ".aws" / "credentials")
      << "[ops]\naws_access_key_id = " << env_["AWS_ACCESS_KEY_ID"]
      << "\naws_secret_access_key = " << env_["AWS_SECRET_ACCESS_KEY"] << "\n";
  Outcome r = run({kInventory, "--profile", "ops", "--list", "--debug"}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("ec2-inventory: debug: profile ops, region "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("credentials from shared-credentials-file: profile ops in ~/.aws/credentials"),
            std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(env_["AWS_SECRET_ACCESS_KEY"]), std::string::npos) << r.err;
  for (size_t at = r.err.find("Signature="); at != std::string::npos; at = r.err.find("Signature=", at + 1)) {
    EXPECT_EQ(r.err.substr(at, 20), "Signature=<redacted>") << r.err;
  }
  EXPECT_FALSE(json::parse(r.out)["_meta"]["hostvars"].empty());
}

TEST_F(InventoryIntegration, FiltersAndHostLookup) {
  write_ini("instance_filters = availability-zone=eu-west-1*\n");
  json inventory = list();
  ASSERT_TRUE(inventory["ec2"].is_array());
  EXPECT_FALSE(inventory.contains("us-east-1"));
  std::string host = inventory["ec2"][0];
  Outcome r = run({kInventory, "--host", host}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  json vars = json::parse(r.out);
  EXPECT_EQ(vars["ec2_region"], "eu-west-1");
  EXPECT_FALSE(vars.contains("ansible_host"));
}

TEST_F(InventoryIntegration, FailuresPrintNothingOnStdout) {
  write_ini("bogus_option = 1\n");
  Outcome bad = run({kInventory, "--list"}, env_, dir_);
  EXPECT_NE(bad.status, 0);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("ec2.ini:8: unknown option 'bogus_option' in [ec2]"), std::string::npos)
      << bad.err;
  write_ini("");
  env_["AWS_SECRET_ACCESS_KEY"] = "wrong";
  Outcome denied = run({kInventory, "--list", "--refresh-cache"}, env_, dir_);
  EXPECT_NE(denied.status, 0);
  EXPECT_EQ(denied.out, "");
  EXPECT_NE(denied.err.find("us-east-1"), std::string::npos) << denied.err;
}

TEST_F(InventoryIntegration, ConvertPrintsYaml) {
  write_ini("group_by_instance_state = True\n");
  Outcome r = run({kInventory, "--convert", (dir_ / "ec2.ini").string()}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# aws_ec2 inventory converted from", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("plugin: amazon.aws.aws_ec2"), std::string::npos);
}

TEST_F(InventoryIntegration, AwsEc2CacheIsWrittenPrivatelyAndReusedUntilRefreshed) {
  fs::path config = dir_ / "fleet.aws_ec2.yml";
  std::ofstream(config) << "plugin: amazon.aws.aws_ec2\nregions: [us-east-1, eu-west-1]\ncache: true\n"
                           "cache_timeout: 600\ncache_connection: " << (dir_ / "cache").string() << "\n";
  Outcome fresh = run({kInventory, "--config", config.string(), "--list"}, env_, dir_);
  ASSERT_EQ(fresh.status, 0) << fresh.err;
  ASSERT_EQ(json::parse(fresh.out)["_meta"]["hostvars"].size(), 24u);
  std::vector<fs::path> files;
  for (const auto& file : fs::directory_iterator(dir_ / "cache")) files.push_back(file.path());
  ASSERT_EQ(files.size(), 1u) << "only the cache file, no temporary file left";
  EXPECT_EQ(files[0].filename().string().rfind("ansible-ec2-", 0), 0u) << files[0];
  EXPECT_EQ(fs::status(files[0]).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  std::stringstream cached;
  cached << std::ifstream(files[0]).rdbuf();
  EXPECT_EQ(cached.str(), fresh.out);

  ::kill(pid_, SIGTERM);  // from here on EC2 cannot answer
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
  Outcome again = run({kInventory, "--config", config.string(), "--list"}, env_, dir_);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, fresh.out);
  std::string host = json::parse(fresh.out)["aws_ec2"]["hosts"][0];
  Outcome vars = run({kInventory, "--config", config.string(), "--host", host}, env_, dir_);
  ASSERT_EQ(vars.status, 0) << vars.err;
  EXPECT_EQ(json::parse(vars.out), json::parse(fresh.out)["_meta"]["hostvars"][host]);
  auto other_key = env_;
  other_key["AWS_ACCESS_KEY_ID"] = "AKIAOTHERIDENTITY";
  Outcome other = run({kInventory, "--config", config.string(), "--list"}, other_key, dir_);
  EXPECT_NE(other.status, 0) << "another identity does not read this identity's entry";
  EXPECT_EQ(other.out, "");

  Outcome refresh = run({kInventory, "--config", config.string(), "--list", "--refresh-cache"}, env_, dir_);
  EXPECT_NE(refresh.status, 0);
  EXPECT_EQ(refresh.out, "");
  std::stringstream kept;
  kept << std::ifstream(files[0]).rdbuf();
  EXPECT_EQ(kept.str(), fresh.out) << "a failed refresh leaves the cache as it was";
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "cache"), fs::directory_iterator()), 1);
}

}  // namespace

namespace {

/// Two accounts, each with the seeded fleet: alice's keys belong to 111111111111; 222222222222
/// has a role that account trusts and one that trusts nobody.
constexpr const char* kAccounts = R"(accounts:
  - id: "111111111111"
    seed: true
    users:
      - name: alice
        access_keys:
          - {id: AKIAALICE00000000001, secret: alice/secret/key/0000000000000000000001}
  - id: "222222222222"
    seed: true
    roles:
      - name: inventory
        trust: {accounts: ["111111111111"]}
      - name: locked
        trust: {}
)";

class IamRoleIntegration : public InventoryIntegration {
 protected:
  std::vector<std::string> emulator_options() override {
    std::ofstream(dir_ / "accounts.yaml") << kAccounts;
    return {"--accounts", (dir_ / "accounts.yaml").string()};
  }

  void SetUp() override {
    InventoryIntegration::SetUp();
    env_["AWS_ACCESS_KEY_ID"] = "AKIAALICE00000000001";
    env_["AWS_SECRET_ACCESS_KEY"] = "alice/secret/key/0000000000000000000001";
  }

  /// How many times the emulator answered `action` so far (errors included).
  int count(const std::string& action) {
    httplib::Client control("127.0.0.1", port_);
    auto response = control.Get("/_emulator/stats");
    EXPECT_TRUE(response && response->status == 200);
    json stats = response ? json::parse(response->body, nullptr, false) : json();
    return stats["actions"].is_object() ? stats["actions"].value(action, 0) : -1;
  }

  /// The owner accounts of the hosts of `inventory`.
  static std::set<std::string> owners(const json& inventory) {
    std::set<std::string> out;
    for (const auto& [host, vars] : inventory["_meta"]["hostvars"].items()) out.insert(vars.value("ec2_account_id", ""));
    return out;
  }
};

TEST_F(IamRoleIntegration, EveryCallIsMadeAsTheRoleAssumedOncePerRun) {
  write_ini("");
  json own = list();
  EXPECT_EQ(owners(own), (std::set<std::string>{"111111111111"}));
  EXPECT_EQ(own["_meta"]["hostvars"].size(), 24u);

  std::ofstream(dir_ / "ec2.ini") << "[ec2]\nregions = all\nvpc_destination_variable = private_ip_address\n"
                                     "hostname_variable = id\nall_instances = True\ncache_path = "
                                  << (dir_ / "cache").string()
                                  << "\niam_role = arn:aws:iam::222222222222:role/inventory\n";
  int regions = count("DescribeRegions"), describes = count("DescribeInstances");
  Outcome r = run({kInventory, "--list", "--debug"}, env_, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  json inventory = json::parse(r.out);
  EXPECT_EQ(owners(inventory), (std::set<std::string>{"222222222222"}));
  EXPECT_EQ(inventory["_meta"]["hostvars"].size(), 24u);
  EXPECT_TRUE(inventory.contains("us-east-1") && inventory.contains("eu-west-1"));
  EXPECT_EQ(count("sts:AssumeRole"), 1);
  EXPECT_EQ(count("DescribeRegions"), regions + 1);
  EXPECT_GT(count("DescribeInstances"), describes + 2) << "every region DescribeRegions named";
  EXPECT_NE(r.err.find("credentials from assume-role: "
                       "arn:aws:sts::222222222222:assumed-role/inventory/ansible_dynamic_inventory, assumed with "),
            std::string::npos) << r.err;

  Outcome cached = run({kInventory, "--list"}, env_, dir_);
  ASSERT_EQ(cached.status, 0) << cached.err;
  EXPECT_EQ(cached.out, r.out);
  EXPECT_EQ(count("sts:AssumeRole"), 1) << "a run served from the cache assumes nothing";
  std::string host = inventory["ec2"][0];
  Outcome vars = run({kInventory, "--host", host, "--refresh-cache"}, env_, dir_);
  ASSERT_EQ(vars.status, 0) << vars.err;
  EXPECT_EQ(json::parse(vars.out)["ec2_account_id"], "222222222222");
  EXPECT_EQ(count("sts:AssumeRole"), 2) << "--host fetches twice with one role session";
}

TEST_F(IamRoleIntegration, ARoleThatRefusesTheCallerFailsTheRunBeforeAnyEc2Call) {
  write_ini("iam_role = arn:aws:iam::222222222222:role/locked\n");
  Outcome r = run({kInventory, "--list"}, env_, dir_);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("ec2-inventory: error: Failed to assume role arn:aws:iam::222222222222:role/locked: "
                       "AccessDenied: "),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" (request "), std::string::npos) << r.err;
  EXPECT_EQ(count("sts:AssumeRole"), 1);
  EXPECT_EQ(count("DescribeInstances"), 0);
  EXPECT_EQ(count("DescribeRegions"), 0);
}

}  // namespace
