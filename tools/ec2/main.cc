// ec2: one personal EC2 instance per key. See ec2(1) and docs/ec2.md.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "commands.h"
#include "ec2/client.h"
#include "ec2/config.h"
#include "ec2/http.h"
#include "errors.h"
#include "options.h"
#include "session.h"

namespace ec2::cli {
namespace {

void debug_line(std::string_view line) {
  std::fprintf(stderr, "debug: %.*s\n", static_cast<int>(line.size()), line.data());
}

/// The client for the run: configuration resolved like the AWS CLI, plus --debug tracing (of
/// the STS calls credential providers make too).
Result<Client> make_client(const Options& o, const Environment& env) {
  ConfigOverrides overrides;
  overrides.profile = o.profile;
  overrides.region = o.region;
  overrides.endpoint_url = o.endpoint_url;
  TransportOptions transport;
  if (o.debug) transport.trace = debug_line;
  CredentialServices services;
  services.transport = [transport](const TransportOptions& wanted) -> std::shared_ptr<HttpTransport> {
    TransportOptions options = transport;
    options.ca_bundle = wanted.ca_bundle;
    // Metadata providers ask for short waits (IMDS 1 s, containers 2 s): the shorter one wins.
    options.connect_timeout = std::min(options.connect_timeout, wanted.connect_timeout);
    options.read_timeout = std::min(options.read_timeout, wanted.read_timeout);
    return make_curl_transport(options);
  };
  auto config = resolve_config(overrides, env, services);
  if (!config) return config.error();
  transport.ca_bundle = config->ca_bundle;
  ClientOptions options;
  if (o.debug) {
    options.on_retry = [](const Error& e, int attempt, std::chrono::milliseconds delay) {
      debug_line(fmt::format("retry after attempt {}: {} (waiting {} ms)", attempt, to_string(e),
                             delay.count()));
    };
    const Credentials& c = config->credentials;
    debug_line(fmt::format("profile {}, region {}, endpoint {}, credentials from {}",
                           config->profile, config->region, config->endpoint_url,
                           c.identity.empty() ? c.source : c.identity));
  }
  options.config = std::move(*config);
  options.transport = make_curl_transport(transport);
  options.user_agent_suffix = fmt::format("ec2-cli/{}", kVersion);
  return Client(std::move(options));
}

CommandResult dispatch(Session& session) {
  switch (session.options().command) {
    case Command::Ensure: return run_ensure(session, stdout);
    case Command::Stop: return run_stop(session, stdout);
    case Command::Remove: return run_remove(session, stdout);
    case Command::Info: return run_info(session, stdout);
    case Command::Ssh: return run_ssh(session, stdout);
  }
  return kExitUsage;
}

int run(int argc, char** argv) {
  auto parsed = parse_options(argc, argv);
  std::fputs(parsed.out.c_str(), stdout);
  std::fputs(parsed.err.c_str(), stderr);
  if (!parsed.options) return parsed.exit_code;
  Options options = std::move(*parsed.options);
  if (auto why = validate_key_name(options.key); !why.empty()) {
    std::fprintf(stderr, "ec2: invalid key name '%s': %s\n", options.key.c_str(), why.c_str());
    return kExitUsage;
  }
  const Environment& env = process_environment();
  auto client = make_client(options, env);
  if (!client) {
    std::fprintf(stderr, "ec2: %s\n", format_error(client.error()).c_str());
    return kExitError;
  }
  KeyStore store(resolve_key_dir(options.key_dir, env));
  Progress progress = Progress::to_stderr(options.command == Command::Info);
  Session session(std::move(options), std::move(*client), std::move(store), std::move(progress), env);
  auto result = dispatch(session);
  if (!result) {
    session.progress().warn(fmt::format("ec2: {}", format_error(result.error())));
    return kExitError;
  }
  return *result;
}

}  // namespace
}  // namespace ec2::cli

int main(int argc, char** argv) { return ec2::cli::run(argc, argv); }
