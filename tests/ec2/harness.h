#pragma once
/// Test harness for the `ec2` tool: an ec2-emulator on a free port (state transitions frozen
/// unless fast-forwarded through its control endpoint), `ec2` runs in child processes with a
/// private HOME and key directory, and read-only inspection of the emulator's state through
/// libec2.

#include <sys/types.h>

#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ec2/client.h"
#include "ec2/model/instance.h"
#include "ec2/model/key_pair.h"
#include "ec2/model/security_group.h"

namespace ec2::test {

/// Output of one finished `ec2` run.
struct RunResult {
  int exit_code = -1;  ///< -1 when killed by a signal.
  std::string out;
  std::string err;
};

/// A running ec2-emulator, stopped (SIGTERM) by the destructor.
class Emulator {
 public:
  /// Starts the emulator with `extra_args`, waits for its port, and makes transitions slow
  /// (10 minutes each) so that states hold until `advance()` moves time on.
  explicit Emulator(std::vector<std::string> extra_args = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// POST/GET/DELETE on `/_emulator/<path>`; returns the body ("" when the request failed).
  std::string control(const std::string& method, const std::string& path, const std::string& body = "");
  /// Moves emulated time on far enough to finish every pending transition.
  void advance();
  /// Sets fault injection for every action (probabilities 0..1).
  void set_faults(double throttle, double internal, double reset);
  void clear_faults();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string dir_;
};

/// A sandbox for `ec2` runs: own HOME, key directory and environment, pointing at `emulator`.
class Ec2Runner {
 public:
  explicit Ec2Runner(Emulator& emulator);
  ~Ec2Runner();

  /// The key directory (EC2_KEY_DIR).
  const std::string& key_dir() const { return key_dir_; }
  std::string key_file(const std::string& key) const { return key_dir_ + "/" + key + ".pem"; }
  /// Environment variables of every run; tests may change them.
  std::map<std::string, std::string>& env() { return env_; }

  /// Runs `ec2 args...` to completion. With `fast_forward`, emulated time is advanced while it
  /// runs so its waits finish at once.
  RunResult run(const std::vector<std::string>& args, bool fast_forward = true);
  /// Starts `ec2 args...` without waiting; output goes to files read by `finish`.
  pid_t spawn(const std::vector<std::string>& args, int slot);
  /// Waits for a spawned run.
  RunResult finish(pid_t pid, int slot);
  /// Advances emulated time in the background until `stop_fast_forward`.
  void start_fast_forward();
  void stop_fast_forward();

  /// A libec2 client for the emulator, for checking its state.
  const Client& aws() const { return *client_; }

 private:
  Emulator& emulator_;
  std::string home_;
  std::string key_dir_;
  std::map<std::string, std::string> env_;
  std::optional<Client> client_;
  std::atomic<bool> forwarding_{false};
  std::thread forwarder_;
};

/// Instances in the emulator carrying the ownership tag for `key`, in any state but terminated.
std::vector<Instance> owned_instances(const Client& aws, const std::string& key);
/// All instances (any state) whose key name is `key`.
std::vector<Instance> instances_with_key(const Client& aws, const std::string& key);
/// The key pair `key` (with its public key unless the emulator leaves it out), if it exists.
std::optional<KeyPairInfo> key_pair(const Client& aws, const std::string& key);
/// The tool's security group for `key`, if it exists.
std::optional<SecurityGroup> security_group(const Client& aws, const std::string& key);
/// The state name of `instance`.
std::string state(const Instance& instance);
/// Contents of a file, nullopt if missing.
std::optional<std::string> read_file(const std::string& path);

}  // namespace ec2::test
