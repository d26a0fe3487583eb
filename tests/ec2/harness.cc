#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <httplib.h>

#include "ec2/ops/instances.h"
#include "ec2/ops/keypairs.h"
#include "ec2/ops/security_groups.h"

namespace ec2::test {
namespace fs = std::filesystem;
namespace {

constexpr const char* kAccessKey = "AKIAIOSFODNN7EXAMPLE";
constexpr const char* kSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

std::string make_temp_dir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

/// fork + exec `argv` with exactly `env`, stdout/stderr to the given files (or inherited).
pid_t spawn_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>* env,
                    const std::string& out_path, const std::string& err_path) {
  std::vector<std::string> env_strings;
  if (env)
    for (auto& [k, v] : *env) env_strings.push_back(k + "=" + v);
  pid_t pid = fork();
  if (pid != 0) return pid;
  int in = open("/dev/null", O_RDONLY);
  dup2(in, 0);
  if (!out_path.empty()) dup2(open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
  if (!err_path.empty()) dup2(open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
  std::vector<char*> args, envp;
  for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  if (env) {
    execve(args[0], args.data(), envp.data());
  } else {
    execv(args[0], args.data());
  }
  _exit(127);
}

int wait_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string state(const Instance& instance) {
  return instance.state && instance.state->name ? *instance.state->name : "";
}

Emulator::Emulator(std::vector<std::string> extra_args) {
  dir_ = make_temp_dir("ec2-emu-");
  std::string port_file = dir_ + "/port";
  std::vector<std::string> argv{EC2_EMULATOR_BINARY, "--host", "127.0.0.1", "--port", "0",
                                "--port-file", port_file};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn_process(argv, nullptr, dir_ + "/stdout", dir_ + "/stderr");
  for (int i = 0; i < 600 && port_ == 0; ++i) {
    if (auto text = read_file(port_file); text && !text->empty()) port_ = std::atoi(text->c_str());
    if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (port_ == 0) throw std::runtime_error("ec2-emulator did not start: " + read_file(dir_ + "/stderr").value_or(""));
  control("POST", "timings",
          R"({"instance_pending_ms": 600000, "instance_stopping_ms": 600000,
              "instance_shutting_down_ms": 600000, "status_initializing_ms": 600000})");
}

Emulator::~Emulator() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    wait_exit(pid_);
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string Emulator::control(const std::string& method, const std::string& path, const std::string& body) {
  httplib::Client http("127.0.0.1", port_);
  http.set_connection_timeout(5);
  http.set_read_timeout(30);
  std::string full = "/_emulator/" + path;
  httplib::Result result = method == "GET"      ? http.Get(full)
                           : method == "DELETE" ? http.Delete(full)
                                                : http.Post(full, body, "application/json");
  return result ? result->body : "";
}

void Emulator::advance() { control("POST", "advance?seconds=700"); }

void Emulator::set_faults(double throttle, double internal, double reset) {
  control("POST", "faults",
          "{\"action\": \"*\", \"throttle\": " + std::to_string(throttle) + ", \"internal\": " +
              std::to_string(internal) + ", \"reset\": " + std::to_string(reset) + "}");
}

void Emulator::clear_faults() { control("DELETE", "faults"); }

Ec2Runner::Ec2Runner(Emulator& emulator) : emulator_(emulator) {
  home_ = make_temp_dir("ec2-home-");
  key_dir_ = home_ + "/keys";
  // Runs never reach the instance-metadata or container addresses, even without keys or region.
  env_ = {{"HOME", home_},
          {"PATH", "/usr/bin:/bin"},
          {"AWS_EC2_METADATA_DISABLED", "true"},
          {"AWS_ACCESS_KEY_ID", kAccessKey},
          {"AWS_SECRET_ACCESS_KEY", kSecretKey},
          {"AWS_REGION", "us-east-1"},
          {"AWS_ENDPOINT_URL", emulator.url()},
          {"AWS_CONFIG_FILE", home_ + "/aws-config"},
          {"AWS_SHARED_CREDENTIALS_FILE", home_ + "/aws-credentials"},
          {"EC2_KEY_DIR", key_dir_},
          {"EC2_CHECKIP_URL", emulator.url() + "/_emulator/checkip"},
          {"EC2_POLL_INTERVAL", "0.02"}};
  ClientOptions options;
  options.config.region = "us-east-1";
  options.config.endpoint_url = emulator.url();
  options.config.credentials.access_key_id = kAccessKey;
  options.config.credentials.secret_access_key = kSecretKey;
  options.config.credentials.source = "test";
  options.config.max_attempts = 10;
  client_.emplace(std::move(options));
}

Ec2Runner::~Ec2Runner() {
  stop_fast_forward();
  std::error_code ec;
  fs::remove_all(home_, ec);
}

pid_t Ec2Runner::spawn(const std::vector<std::string>& args, int slot) {
  std::vector<std::string> argv{EC2_TOOL_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string base = home_ + "/run" + std::to_string(slot);
  return spawn_process(argv, &env_, base + ".out", base + ".err");
}

RunResult Ec2Runner::finish(pid_t pid, int slot) {
  RunResult result;
  result.exit_code = wait_exit(pid);
  std::string base = home_ + "/run" + std::to_string(slot);
  result.out = read_file(base + ".out").value_or("");
  result.err = read_file(base + ".err").value_or("");
  return result;
}

RunResult Ec2Runner::run(const std::vector<std::string>& args, bool fast_forward) {
  pid_t pid = spawn(args, 0);
  if (!fast_forward) return finish(pid, 0);
  int status = 0;
  pid_t done = 0;
  while ((done = waitpid(pid, &status, WNOHANG)) == 0) {
    emulator_.advance();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(home_ + "/run0.out").value_or("");
  result.err = read_file(home_ + "/run0.err").value_or("");
  return result;
}

void Ec2Runner::start_fast_forward() {
  forwarding_ = true;
  forwarder_ = std::thread([this] {
    while (forwarding_) {
      emulator_.advance();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

void Ec2Runner::stop_fast_forward() {
  forwarding_ = false;
  if (forwarder_.joinable()) forwarder_.join();
}

std::vector<Instance> instances_with_key(const Client& aws, const std::string& key) {
  DescribeInstancesRequest request;
  request.filters = {{"key-name", {key}}};
  auto found = describe_instances_all(aws, request);
  std::vector<Instance> out;
  if (!found) return out;
  for (auto& r : found->reservations)
    for (auto& i : r.instances.value_or(std::vector<Instance>{})) out.push_back(i);
  return out;
}

std::vector<Instance> owned_instances(const Client& aws, const std::string& key) {
  DescribeInstancesRequest request;
  request.filters = {{"tag:ec2:owner-key", {key}}};
  auto found = describe_instances_all(aws, request);
  std::vector<Instance> out;
  if (!found) return out;
  for (auto& r : found->reservations)
    for (auto& i : r.instances.value_or(std::vector<Instance>{}))
      if (state(i) != "terminated") out.push_back(i);
  return out;
}

std::optional<KeyPairInfo> key_pair(const Client& aws, const std::string& key) {
  DescribeKeyPairsRequest request;
  request.key_names = {key};
  request.include_public_key = true;
  auto found = describe_key_pairs(aws, request);
  if (!found || found->key_pairs.empty()) return std::nullopt;
  return found->key_pairs.front();
}

std::optional<SecurityGroup> security_group(const Client& aws, const std::string& key) {
  DescribeSecurityGroupsRequest request;
  request.filters = {{"group-name", {"ec2-ssh-" + key}}};
  auto found = describe_security_groups(aws, request);
  if (!found || found->security_groups.empty()) return std::nullopt;
  return found->security_groups.front();
}

}  // namespace ec2::test
