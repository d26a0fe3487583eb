// End to end against ec2-emulator: `ec2-inventory --config X --list` must print exactly what
// `/usr/bin/ansible-inventory -i X --list` prints with Debian's aws_ec2 plugin, both talking to the
// same seeded emulator (the plugin through pyhook/sitecustomize.py's EC2_TEST_ENDPOINT_URL).

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

#include "fixture.h"

namespace ec2::inventory::aws_ec2 {
namespace {

const std::string kDir = EC2_SOURCE_DIR "/tests/inventory/aws_ec2";
const std::string kEmulator = EC2_BINARY_DIR "/tools/emulator/ec2-emulator";
const std::string kInventory = EC2_BINARY_DIR "/tools/inventory/ec2-inventory";

struct Fleet {
  std::string name;
  std::vector<std::string> args;  ///< Seeding arguments of ec2-emulator.
};

struct Case {
  std::string config;
  Fleet fleet;
};

/// An ec2-emulator child process on a free port; stopped (SIGTERM, then waited for) on destruction.
class Emulator {
 public:
  explicit Emulator(const std::vector<std::string>& seed_args) {
    static int started = 0;  // several emulators may run at once
    dir_ = std::filesystem::temp_directory_path() /
           ("aws_ec2_e2e_" + std::to_string(getpid()) + "_" + std::to_string(started++));
    std::filesystem::create_directories(dir_);
    std::string port_file = (dir_ / "port").string();
    std::filesystem::remove(port_file);
    std::vector<std::string> args = {kEmulator, "--host", "127.0.0.1", "--port", "0", "--port-file", port_file,
                                     "--no-auth"};
    args.insert(args.end(), seed_args.begin(), seed_args.end());
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    for (int i = 0; i < 600 && port_.empty(); ++i) {
      std::ifstream in(port_file);
      std::getline(in, port_);
      if (port_.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~Emulator() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string url() const { return "http://127.0.0.1:" + port_; }
  bool ready() const { return !port_.empty(); }

 private:
  pid_t pid_ = -1;
  std::filesystem::path dir_;
  std::string port_;
};

/// Keeps CTest names short (GoogleTest would print the parameter's bytes).
void PrintTo(const Case& c, std::ostream* os) { *os << c.config << " on " << c.fleet.name; }

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.config.substr(0, info.param.config.find('.')) + "_" + info.param.fleet.name;
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

class EmulatorSideBySideTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    for (const auto& tool : {std::string("/usr/bin/ansible-inventory"), kEmulator, kInventory}) {
      if (access(tool.c_str(), X_OK) != 0) GTEST_SKIP() << tool << " is not available";
    }
  }
};

TEST_P(EmulatorSideBySideTest, Ec2InventoryEqualsAnsiblePlugin) {
  Emulator emulator(GetParam().fleet.args);
  ASSERT_TRUE(emulator.ready()) << "ec2-emulator did not start";
  std::string config = kDir + "/data/configs/" + GetParam().config;
  std::string credentials = " AWS_ACCESS_KEY_ID=AKIDTEST AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1";
  int status = 0;
  std::string ours = testing::run_command("cd " EC2_BINARY_DIR " && env AWS_ENDPOINT_URL=" + emulator.url() +
                                              credentials + " " + kInventory + " --config " + config + " --list",
                                          &status);
  ASSERT_EQ(status, 0) << ours;
  std::string theirs = testing::run_command("cd " EC2_BINARY_DIR " && env PYTHONPATH=" + kDir +
                                                "/pyhook EC2_TEST_ENDPOINT_URL=" + emulator.url() + credentials +
                                                " /usr/bin/ansible-inventory -i " + config + " --list 2>/dev/null",
                                            &status);
  ASSERT_EQ(status, 0);
  auto ours_json = nlohmann::json::parse(ours);
  auto theirs_json = nlohmann::json::parse(theirs);
  ASSERT_EQ(ours_json, theirs_json) << "JSON patch from ours to Ansible's:\n"
                                    << nlohmann::json::diff(ours_json, theirs_json).dump(2);
  EXPECT_EQ(ours, theirs);
  EXPECT_GT(theirs_json["_meta"]["hostvars"].size(), 0u);
}

/// `ec2-inventory --config CONFIG --list` against `emulator`: exit status, stdout and stderr.
struct InventoryRun {
  int status = 0;
  std::string out;
  std::string err;
};
InventoryRun run_inventory(const Emulator& emulator, const std::string& config = kDir + "/data/configs/minimal.aws_ec2.yml") {
  std::string err_file = (std::filesystem::temp_directory_path() / ("aws_ec2_err_" + std::to_string(getpid()))).string();
  InventoryRun run;
  run.out = testing::run_command("cd " EC2_BINARY_DIR " && env AWS_ENDPOINT_URL=" + emulator.url() +
                                     " AWS_ACCESS_KEY_ID=AKIDTEST AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1 " +
                                     kInventory + " --config " + config + " --list 2>" + err_file,
                                 &run.status);
  std::ifstream in(err_file);
  run.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::filesystem::remove(err_file);
  return run;
}

const std::vector<std::string> kFaultFleet = {"--seed", "3", "--seed-instances", "30", "--seed-regions",
                                              "us-east-1,eu-west-1"};

/// kFaultFleet with the fault rule `spec` (ec2-emulator --fault).
std::vector<std::string> fault_fleet(const std::string& spec) {
  std::vector<std::string> args = kFaultFleet;
  args.insert(args.end(), {"--fault", spec});
  return args;
}

/// Whether the executables the fault tests run are missing (not built).
bool executables_missing() { return access(kEmulator.c_str(), X_OK) != 0 || access(kInventory.c_str(), X_OK) != 0; }

TEST(EmulatorFaultsTest, ThrottledPagesAreRetriedToTheSameInventory) {
  if (executables_missing()) GTEST_SKIP();
  Emulator throttling(fault_fleet("DescribeInstances:throttle=1,count=2"));
  Emulator plain(kFaultFleet);
  ASSERT_TRUE(throttling.ready() && plain.ready());
  InventoryRun retried = run_inventory(throttling);
  InventoryRun expected = run_inventory(plain);
  ASSERT_EQ(retried.status, 0) << retried.err;
  ASSERT_EQ(expected.status, 0) << expected.err;
  EXPECT_EQ(retried.out, expected.out);
  EXPECT_EQ(nlohmann::json::parse(retried.out)["_meta"]["hostvars"].size(), 30u);
}

TEST(EmulatorFaultsTest, AFailingRegionFailsTheRunNamingRegionCodeAndRequest) {
  if (executables_missing()) GTEST_SKIP();
  Emulator failing(fault_fleet("DescribeInstances:internal=1"));
  ASSERT_TRUE(failing.ready());
  InventoryRun run = run_inventory(failing);
  EXPECT_NE(run.status, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("describe instances in region "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("InternalError"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("(request "), std::string::npos) << run.err;
}

/// Config files written for one test, in a directory removed with it.
class ConfigFiles {
 public:
  ConfigFiles() : dir_(std::filesystem::temp_directory_path() / ("aws_ec2_configs_" + std::to_string(getpid()))) {
    std::filesystem::create_directories(dir_);
  }
  ~ConfigFiles() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  /// Writes `text` to `name` in the directory; returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

 private:
  std::filesystem::path dir_;
};

/// A region the account has not enabled answers AuthFailure (the emulator serves only regions that
/// need no opting in, so me-south-1 does): with `strict_permissions: false` the run warns, naming the
/// region and the error, and lists the other regions' hosts; by default it fails like any region.
TEST(EmulatorFaultsTest, PermissionErrorsSkipARegionOnlyWithoutStrictPermissions) {
  if (executables_missing()) GTEST_SKIP();
  Emulator emulator(kFaultFleet);
  ASSERT_TRUE(emulator.ready());
  ConfigFiles configs;
  const std::string regions = "plugin: amazon.aws.aws_ec2\nregions:\n  - us-east-1\n  - me-south-1\n  - eu-west-1\n";
  InventoryRun lenient =
      run_inventory(emulator, configs.write("lenient.aws_ec2.yml", regions + "strict_permissions: false\n"));
  InventoryRun strict = run_inventory(emulator, configs.write("strict.aws_ec2.yml", regions));

  ASSERT_EQ(lenient.status, 0) << lenient.err;
  EXPECT_EQ(nlohmann::json::parse(lenient.out)["_meta"]["hostvars"].size(), 30u);
  EXPECT_NE(lenient.err.find("warning: skipping region me-south-1: "), std::string::npos) << lenient.err;
  EXPECT_NE(lenient.err.find("AuthFailure"), std::string::npos) << lenient.err;

  EXPECT_NE(strict.status, 0);
  EXPECT_EQ(strict.out, "");
  EXPECT_NE(strict.err.find("describe instances in region me-south-1"), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("AuthFailure"), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("(request "), std::string::npos) << strict.err;
}

/// Every (region × filter set) stream is queried at once: with each DescribeInstances answer held
/// back for a second, the emulator has all four streams of two regions × two filter sets in flight.
TEST(EmulatorFaultsTest, RegionsAndFilterSetsAreQueriedAtOnce) {
  if (executables_missing()) GTEST_SKIP();
  Emulator emulator(fault_fleet("DescribeInstances:latency=1000"));
  ASSERT_TRUE(emulator.ready());
  ConfigFiles configs;
  InventoryRun run = run_inventory(
      emulator, configs.write("sets.aws_ec2.yml",
                              "plugin: amazon.aws.aws_ec2\nregions:\n  - us-east-1\n  - eu-west-1\n"
                              "filters:\n  instance-state-name: running\n"
                              "include_filters:\n  - instance-state-name: stopped\n"));
  ASSERT_EQ(run.status, 0) << run.err;
  int status = 0;
  std::string stats = testing::run_command(
      "/usr/bin/python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' " +
          emulator.url() + "/_emulator/stats",
      &status);
  ASSERT_EQ(status, 0) << stats;
  auto json = nlohmann::json::parse(stats);
  EXPECT_EQ(json["actions"]["DescribeInstances"], 4) << stats;
  EXPECT_EQ(json["peak_in_flight"], 4) << stats;
}

/// `--host` against `ansible-inventory --host`, for a config whose variables are prepared as
/// pages arrive (minimal) and one with compose, groups and keyed groups (typical).
TEST(EmulatorHostTest, HostEqualsAnsibleInventoryHost) {
  for (const auto& tool : {std::string("/usr/bin/ansible-inventory"), kEmulator, kInventory}) {
    if (access(tool.c_str(), X_OK) != 0) GTEST_SKIP() << tool << " is not available";
  }
  Emulator emulator({"--seed", "11", "--seed-instances", "12", "--seed-regions", "us-east-1,eu-west-1"});
  ASSERT_TRUE(emulator.ready()) << "ec2-emulator did not start";
  std::string credentials = " AWS_ACCESS_KEY_ID=AKIDTEST AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1";
  std::string ours_env = "cd " EC2_BINARY_DIR " && env AWS_ENDPOINT_URL=" + emulator.url() + credentials + " ";
  std::string theirs_env = "cd " EC2_BINARY_DIR " && env PYTHONPATH=" + kDir + "/pyhook EC2_TEST_ENDPOINT_URL=" +
                           emulator.url() + credentials + " ";
  for (const char* name : {"minimal.aws_ec2.yml", "typical.aws_ec2.yml"}) {
    SCOPED_TRACE(name);
    std::string config = kDir + "/data/configs/" + name;
    int status = 0;
    auto listed = nlohmann::json::parse(testing::run_command(ours_env + kInventory + " --config " + config + " --list", &status));
    ASSERT_EQ(status, 0);
    const auto& hosts = listed["aws_ec2"]["hosts"];
    ASSERT_GT(hosts.size(), 1u);
    std::string host = hosts.back();
    std::string ours = testing::run_command(ours_env + kInventory + " --config " + config + " --host " + host, &status);
    ASSERT_EQ(status, 0) << ours;
    std::string theirs = testing::run_command(
        theirs_env + "/usr/bin/ansible-inventory -i " + config + " --host " + host + " 2>/dev/null", &status);
    ASSERT_EQ(status, 0);
    EXPECT_EQ(ours, theirs) << host;
    EXPECT_EQ(nlohmann::json::parse(ours), listed["_meta"]["hostvars"][host]);
    std::string unknown = testing::run_command(ours_env + kInventory + " --config " + config + " --host nope", &status);
    EXPECT_EQ(status, 0);
    EXPECT_EQ(unknown, "{}\n");
  }
}

std::vector<Case> all_cases() {
  std::vector<Fleet> fleets = {
      {"two_regions", {"--seed", "11", "--seed-instances", "40", "--seed-regions", "us-east-1,eu-west-1"}},
      {"three_regions", {"--seed", "5", "--seed-instances", "90", "--seed-regions", "us-east-1,eu-west-1,ap-south-1"}},
  };
  std::vector<Case> cases;
  for (const char* config : {"minimal", "typical", "hostnames", "hostnames_filters", "duplicated", "prefix_suffix",
                             "contrib", "expressions", "keyed_edges", "filters", "reservation_hostnames"}) {
    for (const auto& fleet : fleets) cases.push_back(Case{std::string(config) + ".aws_ec2.yml", fleet});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Seeded, EmulatorSideBySideTest, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
}  // namespace ec2::inventory::aws_ec2
