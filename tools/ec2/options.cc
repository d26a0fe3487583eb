#include "options.h"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace ec2::cli {
namespace {

constexpr std::string_view kDescription =
    "ec2: one personal EC2 instance per key, in one command.\n"
    "Without a command flag, makes sure the instance for the key exists and is running (creating "
    "the key pair, security group and instance when needed) and waits until its status checks "
    "pass.";

constexpr std::string_view kFooter =
    "Environment: AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, EC2_KEY_DIR, EC2_CHECKIP_URL, EC2_SSH.\n"
    "Exit codes: 0 ok, 1 error, 2 usage, 3 nothing found (-i without an instance).\n"
    "See ec2(1) for details.";

/// The flags whose values need checking after CLI11 is done.
struct RawValues {
  std::string timeout = "900";
  std::string key_type = "ed25519";
  bool stop = false, remove = false, info = false, ssh = false, version = false;
};

void add_flags(CLI::App& app, Options& o, RawValues& raw) {
  auto* stop = app.add_flag("-s,--stop", raw.stop, "Stop the instance and wait until it is stopped");
  auto* remove = app.add_flag("-r,--remove", raw.remove,
                              "Terminate the instance; delete its key pair, security group and "
                              "local key file");
  auto* info = app.add_flag("-i,--info", raw.info,
                            "Print the public DNS name (with -v: a full description); read-only");
  auto* ssh = app.add_flag("--ssh", raw.ssh,
                           "Make sure the instance runs, then ssh to it (command after --)");
  stop->excludes(remove)->excludes(info)->excludes(ssh);
  remove->excludes(info)->excludes(ssh);
  info->excludes(ssh);
  app.add_flag("-v,--verbose", o.verbose, "More detail (with -i: full description)");
  app.add_option("-p,--profile", o.profile, "AWS profile to use");
  app.add_option("-k,--key", o.key, "Key pair name; one instance per key")->capture_default_str();
  app.add_option("-t,--type", o.instance_type, "Instance type for a new instance")
      ->capture_default_str();
  app.add_flag("-d,--dry-run", o.dry_run, "Check permissions with EC2 DryRun; change nothing");
  app.add_option("--region", o.region, "AWS region");
  app.add_option("--endpoint-url", o.endpoint_url, "EC2 endpoint URL");
  app.add_option("--ami", o.ami, "Image: ami-ID, exact name, name pattern with * or ?, al2023 or al2")
      ->capture_default_str();
  app.add_option("--key-type", raw.key_type, "Type of a newly generated key: ed25519 or rsa")
      ->capture_default_str();
  app.add_option("--key-dir", o.key_dir, "Directory of private-key files (default ~/.ssh)");
  app.add_option("--ssh-cidr", o.ssh_cidr,
                 "CIDR allowed to reach TCP 22 (default: your public IP /32)");
  app.add_option("--user-data", o.user_data_file, "File passed as user data to a new instance");
  app.add_flag("--no-wait", o.no_wait, "Do not wait for state changes to finish");
  app.add_option("--timeout", raw.timeout, "Longest wait, in seconds or with s/m/h suffix")
      ->capture_default_str();
  app.add_flag("--json", o.json, "Machine-readable output (with -i)");
  app.add_flag("--debug", o.debug, "Trace HTTP requests on stderr (secrets redacted)");
  app.add_flag("--version", raw.version, "Print the version and exit");
  app.add_option("command", o.ssh_command, "With --ssh: command to run on the instance");
}

/// Turns the checked raw values into `o`; returns a usage message or "".
std::string finish(Options& o, const RawValues& raw) {
  if (raw.stop) o.command = Command::Stop;
  if (raw.remove) o.command = Command::Remove;
  if (raw.info) o.command = Command::Info;
  if (raw.ssh) o.command = Command::Ssh;
  if (!o.ssh_command.empty() && o.command != Command::Ssh)
    return fmt::format("unexpected argument '{}' (a remote command needs --ssh)", o.ssh_command[0]);
  if (o.json && o.command != Command::Info) return "--json goes with -i/--info";
  if (raw.key_type == "ed25519") {
    o.key_type = KeyType::Ed25519;
  } else if (raw.key_type == "rsa") {
    o.key_type = KeyType::Rsa;
  } else {
    return fmt::format("--key-type must be ed25519 or rsa, not '{}'", raw.key_type);
  }
  auto timeout = parse_duration(raw.timeout);
  if (!timeout || timeout->count() <= 0)
    return fmt::format("invalid --timeout '{}': use seconds, or a number with s, m or h", raw.timeout);
  o.timeout = *timeout;
  if (auto why = validate_instance_type(o.instance_type); !why.empty())
    return fmt::format("invalid instance type '{}': {}", o.instance_type, why);
  if (o.ssh_cidr) {
    if (auto why = validate_cidr(*o.ssh_cidr); !why.empty())
      return fmt::format("invalid --ssh-cidr '{}': {}", *o.ssh_cidr, why);
  }
  if (o.ami.empty()) return "--ami must not be empty";
  return "";
}

}  // namespace

ParseOutcome parse_options(int argc, const char* const* argv) {
  ParseOutcome outcome;
  Options options;
  RawValues raw;
  CLI::App app{std::string(kDescription), "ec2"};
  app.footer(std::string(kFooter));
  add_flags(app, options, raw);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    outcome.out = app.help();
    return outcome;
  } catch (const CLI::ParseError& e) {
    outcome.exit_code = kExitUsage;
    outcome.err = fmt::format("ec2: {}\nTry 'ec2 --help' for more information.\n", e.what());
    return outcome;
  }
  if (raw.version) {
    outcome.out = fmt::format("ec2 {}\n", kVersion);
    return outcome;
  }
  if (auto why = finish(options, raw); !why.empty()) {
    outcome.exit_code = kExitUsage;
    outcome.err = fmt::format("ec2: {}\nTry 'ec2 --help' for more information.\n", why);
    return outcome;
  }
  outcome.options = std::move(options);
  return outcome;
}

std::string validate_instance_type(std::string_view type) {
  auto dot = type.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == type.size() ||
      type.find('.', dot + 1) != std::string_view::npos)
    return "expected a family and a size, like t2.nano or m5.large";
  for (char c : type) {
    if (c != '.' && c != '-' && !std::islower(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)))
      return "use lowercase letters, digits and '-' only, like t2.nano";
  }
  return "";
}

std::string validate_cidr(std::string_view cidr) {
  auto slash = cidr.find('/');
  if (slash == std::string_view::npos) return "expected an IPv4 address and prefix, like 203.0.113.7/32";
  std::string address(cidr.substr(0, slash));
  in_addr parsed{};
  if (inet_pton(AF_INET, address.c_str(), &parsed) != 1) return "not an IPv4 address";
  auto bits_text = cidr.substr(slash + 1);
  int bits = -1;
  auto [end, ec] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
  if (ec != std::errc() || end != bits_text.data() + bits_text.size() || bits < 0 || bits > 32)
    return "the prefix length must be 0 to 32";
  return "";
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data() || value < 0) return std::nullopt;
  std::string_view unit(end, static_cast<size_t>(text.data() + text.size() - end));
  if (unit.empty() || unit == "s") return std::chrono::seconds(value);
  if (unit == "m") return std::chrono::seconds(value * 60);
  if (unit == "h") return std::chrono::seconds(value * 3600);
  return std::nullopt;
}

}  // namespace ec2::cli
