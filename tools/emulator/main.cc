// ec2-emulator: serves the EC2 Query API locally. See docs/emulator.md.
#include <pthread.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <mutex>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>

#include "emulator.h"
#include "server.h"

namespace {

struct Flags {
  std::string host = "127.0.0.1";
  int port = 4566;
  std::string port_file;
  bool verbose = false;
  bool no_auth = false;
  std::string credentials_file;
  std::string accounts_file;
  std::vector<std::string> credentials;
  std::vector<std::string> faults;
  std::string seed_regions = "us-east-1";
  double transition_scale = 1.0;
  double terminated_retention = -1;
  std::string key_fingerprints = "aws";
  bool no_public_key = false;
  int imds_port = -1;       ///< -1: no metadata listener.
  int container_port = -1;  ///< -1: no container credentials listener.
  size_t threads = ec2::emu::kDefaultServerThreads;  ///< Connections the main port serves at once.
};

/// A metadata listener on 127.0.0.1 running in its own thread.
struct Listener {
  std::unique_ptr<ec2::emu::HttpServer> server;
  std::thread thread;
  int port = 0;
};

/// Binds `handler` to 127.0.0.1:`port` (when `port` >= 0) and serves it in a thread.
bool start_listener(int port, ec2::emu::HttpServer::Handler handler, const char* what, Listener& out) {
  if (port < 0) return true;
  out.server = std::make_unique<ec2::emu::HttpServer>(std::move(handler));
  auto bound = out.server->bind("127.0.0.1", port);
  if (!bound) {
    std::cerr << "ec2-emulator: " << what << ": " << bound.error().message << '\n';
    return false;
  }
  out.port = *bound;
  std::cout << what << " listening on http://127.0.0.1:" << out.port << std::endl;
  out.thread = std::thread([server = out.server.get()] { server->run(); });
  return true;
}

void stop_listener(Listener& listener) {
  if (!listener.server) return;
  listener.server->stop();
  listener.thread.join();
}

/// Blocks SIGINT/SIGTERM in every thread (call before starting any) and returns the set.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// Fills the parts of `options` that come from textual flags; false (after a message) on error.
bool apply_flags(const Flags& flags, ec2::emu::EmulatorOptions& options) {
  options.authenticate = !flags.no_auth;
  options.credentials.add_defaults();
  auto fail = [](const ec2::Error& error) {
    std::cerr << "ec2-emulator: " << error.message << '\n';
    return false;
  };
  if (!flags.credentials_file.empty()) {
    if (auto loaded = options.credentials.load_file(flags.credentials_file); !loaded) return fail(loaded.error());
  }
  for (const std::string& spec : flags.credentials) {
    if (auto added = options.credentials.add_spec(spec); !added) return fail(added.error());
  }
  if (!flags.accounts_file.empty()) {
    auto accounts = ec2::emu::load_accounts(flags.accounts_file);
    if (!accounts) return fail(accounts.error());
    options.credentials.add_accounts(*accounts);
    options.seeding.accounts = accounts->seeded();
    options.accounts = std::make_shared<const ec2::emu::Accounts>(std::move(*accounts));
  }
  if (flags.container_port >= 0) {
    if (options.container_token.empty()) {
      std::cerr << "ec2-emulator: --container-port needs --container-token\n";
      return false;
    }
    if (!options.accounts || !options.accounts->find_role_arn(options.container_role)) {
      std::cerr << "ec2-emulator: --container-role must name a role of the --accounts file\n";
      return false;
    }
  }
  for (const std::string& spec : flags.faults) {
    auto rule = ec2::emu::parse_fault_rule(spec);
    if (!rule) return fail(rule.error());
    options.faults.push_back(*rule);
  }
  options.key_pair_style.fingerprints = *ec2::emu::fingerprint_format(flags.key_fingerprints);
  options.key_pair_style.public_key = !flags.no_public_key;
  options.seeding.regions = split_commas(flags.seed_regions);
  options.timings.scale = flags.transition_scale;
  if (flags.terminated_retention >= 0) {
    options.timings.terminated_retention = ec2::emu::Duration(static_cast<int64_t>(flags.terminated_retention * 1000));
  }
  return true;
}

int serve(const Flags& flags, ec2::emu::EmulatorOptions options) {
  sigset_t signals = block_stop_signals();
  ec2::emu::Emulator emulator(std::move(options));
  if (auto started = emulator.start(); !started) {
    std::cerr << "ec2-emulator: " << started.error().message << '\n';
    return 1;
  }
  std::mutex log_mutex;
  if (flags.verbose) {
    emulator.dispatcher().set_logger([&](const std::string& line) {
      std::lock_guard lock(log_mutex);
      std::cerr << line << '\n';
    });
  }
  ec2::emu::HttpServer server([&](const ec2::emu::HttpCall& http) { return emulator.handle(http); },
                              &emulator.dispatcher(), flags.threads);
  auto port = server.bind(flags.host, flags.port);
  if (!port) {
    std::cerr << "ec2-emulator: " << port.error().message << '\n';
    return 1;
  }
  std::cout << "listening on http://" << flags.host << ':' << *port << std::endl;
  Listener imds, container;
  bool listening =
      start_listener(flags.imds_port, [&](const ec2::emu::HttpCall& http) { return emulator.imds().handle(http); },
                     "instance metadata", imds) &&
      start_listener(flags.container_port,
                     [&](const ec2::emu::HttpCall& http) { return emulator.container().handle(http); },
                     "container credentials", container);
  if (!listening) {
    stop_listener(imds);
    return 1;
  }
  emulator.set_listener_ports(imds.port, container.port);
  if (!flags.port_file.empty()) {
    std::string temp = flags.port_file + ".tmp";
    std::ofstream(temp) << *port << '\n';
    std::rename(temp.c_str(), flags.port_file.c_str());
  }
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  server.run();
  stop_listener(imds);
  stop_listener(container);
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ec2-emulator: a local EC2 endpoint for tests, demos and benchmarks"};
  Flags flags;
  ec2::emu::EmulatorOptions options;
  app.add_option("--host", flags.host, "Address to listen on")->capture_default_str();
  app.add_option("--port", flags.port, "Port to listen on; 0 picks a free one")->capture_default_str();
  app.add_option("--port-file", flags.port_file, "Write the bound port to this file");
  app.add_flag("-v,--verbose", flags.verbose, "Log one line per request to stderr");
  app.add_option("--threads", flags.threads,
                 "Connections served at once (each holds a thread while answered, added latency included, "
                 "and while idle between keep-alive requests)")
      ->check(CLI::Range(size_t{1}, size_t{4096}))
      ->capture_default_str();
  app.add_option("--default-region", options.default_region,
                 "Region of unsigned requests without an ec2.<region>. Host")->capture_default_str();
  app.add_option("--seed", options.seed, "Seed of generated ids")->capture_default_str();
  app.add_flag("--no-auth", flags.no_auth, "Accept requests without verifying their signature");
  app.add_option("--credentials-file", flags.credentials_file,
                 "Extra accepted keys: one 'ACCESS_KEY SECRET [read-only]' per line");
  app.add_option("--accounts", flags.accounts_file,
                 "YAML file of accounts, IAM users and keys, roles, web identity issuers, SSO and instance "
                 "profiles (docs/emulator.md)");
  app.add_option("--credentials", flags.credentials, "Extra accepted key as KEY:SECRET (repeatable)");
  app.add_option("--fault", flags.faults,
                 "Fault rule ACTION:key=value,... (keys throttle, internal, reset, truncate, latency, count); "
                 "ACTION * means every action (repeatable)");
  app.add_option("--fault-seed", options.fault_seed, "Seed of fault decisions")->capture_default_str();
  app.add_option("--seed-instances", options.seeding.instances, "Create this many instances at start-up");
  app.add_option("--seed-regions", flags.seed_regions, "Comma-separated regions to spread seeded instances over")
      ->capture_default_str();
  app.add_option("--state-file", options.state_file, "Keep the state in this file (survives restarts)");
  app.add_option("--transition-scale", flags.transition_scale,
                 "Multiply every transition time (0 = instant, 0.1 = ten times faster)")->capture_default_str();
  app.add_option("--session-lifetime-scale", options.session_lifetime_scale,
                 "Test only: temporary credentials live this many times their duration (0.01: 900 s → 9 s)")
      ->check(CLI::PositiveNumber);
  app.add_option("--terminated-retention", flags.terminated_retention,
                 "Seconds terminated instances stay visible (default 3600)");
  app.add_option("--key-fingerprints", flags.key_fingerprints,
                 "Test only: fingerprint new key pairs as aws (EC2's way), hex (the same digests as "
                 "colon-separated hex) or md5 (MD5 of the OpenSSH public key)")
      ->check(CLI::IsMember({"aws", "hex", "md5"}))
      ->capture_default_str();
  app.add_option("--imds-port", flags.imds_port,
                 "Serve instance metadata (IMDSv2) on 127.0.0.1:PORT (0 picks a free port)");
  app.add_option("--imds-instance", options.imds_instance, "The instance id instance metadata answers for");
  app.add_flag("--imds-v1", options.imds_v1, "Also serve metadata requests without a token (HttpTokens=optional)");
  app.add_option("--container-port", flags.container_port,
                 "Serve container credentials on 127.0.0.1:PORT (0 picks a free port)");
  app.add_option("--container-role", options.container_role, "Role ARN whose credentials the container endpoint serves");
  app.add_option("--container-token", options.container_token,
                 "Authorization token the container endpoint requires");
  app.add_flag("--no-public-key", flags.no_public_key,
               "Test only: DescribeKeyPairs ignores IncludePublicKey and returns no public key");
  CLI11_PARSE(app, argc, argv);
  if (!apply_flags(flags, options)) return 2;
  return serve(flags, std::move(options));
}
