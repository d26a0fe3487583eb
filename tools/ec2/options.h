#pragma once
/// The `ec2` command line: flags (those of ec2.py 0.1.5 plus long forms and new ones), their
/// validation, and the exit codes.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "key_material.h"

namespace ec2::cli {

/// Process exit codes.
inline constexpr int kExitOk = 0;        ///< Done (including "nothing to do").
inline constexpr int kExitError = 1;     ///< Something failed (AWS error, timeout, local I/O, ...).
inline constexpr int kExitUsage = 2;     ///< The command line is wrong.
inline constexpr int kExitNotFound = 3;  ///< `-i`: there is no instance (or no public DNS name).

/// The tool's version, as `ec2 --version` prints it.
inline constexpr std::string_view kVersion = "0.1.0";

/// The image used when `--ami` is not given.
inline constexpr std::string_view kDefaultAmi = "amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2";

enum class Command {
  Ensure,  ///< (default) create or start the instance and wait until it is usable
  Stop,    ///< -s
  Remove,  ///< -r
  Info,    ///< -i
  Ssh,     ///< --ssh: ensure, then run ssh on the instance
};

/// Everything the command line can say.
struct Options {
  Command command = Command::Ensure;
  bool verbose = false;
  bool dry_run = false;
  bool no_wait = false;
  bool json = false;
  bool debug = false;
  std::string key = "ec2.py";
  std::string instance_type = "t2.nano";
  std::string ami = std::string(kDefaultAmi);
  KeyType key_type = KeyType::Ed25519;
  std::optional<std::string> profile;
  std::optional<std::string> region;
  std::optional<std::string> endpoint_url;
  std::optional<std::string> key_dir;
  std::optional<std::string> ssh_cidr;
  std::optional<std::string> user_data_file;
  std::chrono::seconds timeout{900};
  std::vector<std::string> ssh_command;  ///< After `--ssh --`.
};

/// What parsing decided: either options to run with, or an exit code with text to print
/// (help/version on stdout, usage errors on stderr).
struct ParseOutcome {
  std::optional<Options> options;
  int exit_code = kExitOk;
  std::string out;  ///< For stdout (help, version).
  std::string err;  ///< For stderr (usage error, one line plus a hint).
};

/// Parses argv. Never exits the process and never prints.
ParseOutcome parse_options(int argc, const char* const* argv);

/// Checks an instance type's syntax (`family.size`, e.g. `t2.nano`); "" when fine, else why not.
std::string validate_instance_type(std::string_view type);

/// Checks an IPv4 CIDR (`203.0.113.7/32`); "" when fine, else why not.
std::string validate_cidr(std::string_view cidr);

/// Parses a duration: seconds, or a number with suffix s, m or h ("90", "15m"). nullopt if bad.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

}  // namespace ec2::cli
