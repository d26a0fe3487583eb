#include "auth/credential_process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "auth/shell_split.h"

extern char** environ;

namespace ec2::auth {
namespace {

Error process_error(std::string message) {
  return make_error(ErrorCategory::Config, "CredentialProcessError",
                    "Error when retrieving credentials from custom-process: " + std::move(message));
}

/// The output of a finished child process.
struct ProcessOutput {
  int exit_status = 0;  ///< Exit code, or 128 + signal number.
  std::string out;
  std::string err;
};

/// Reads both pipes until they close, without letting either fill up and block the child.
void drain(int out_fd, int err_fd, ProcessOutput& result) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buf[4096];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
}

Result<ProcessOutput> run(const std::vector<std::string>& argv) {
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return process_error(std::strerror(errno));
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return process_error(std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ProcessOutput result;
  if (rc == 0) drain(out_pipe[0], err_pipe[0], result);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  if (rc != 0) return process_error("cannot run '" + argv[0] + "': " + std::strerror(rc));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

Result<std::string> required_string(const nlohmann::json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end()) return process_error(std::string("Missing required key in response: '") + key + "'");
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    return process_error(std::string("'") + key + "' must be a non-empty string");
  }
  return it->get<std::string>();
}

int digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm|-hh:mm]
  int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
  int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
  if (t.size() < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') ||
      t[13] != ':' || t[16] != ':' || year < 0 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  }
  long offset = 0;
  std::string_view zone = t.substr(i);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
    if (oh < 0 || om < 0) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
  } else if (!zone.empty()) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&tm) - offset);
}

Result<Credentials> parse_credential_process_output(std::string_view json,
                                                    std::chrono::system_clock::time_point now) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return process_error("the process did not print a JSON object on standard output");
  }
  auto version = doc.find("Version");
  if (version == doc.end() || !version->is_number_integer() || version->get<long>() != 1) {
    std::string shown = version == doc.end() ? "<Version key not provided>" : version->dump();
    return process_error("Unsupported version '" + shown +
                         "' for credential process provider, supported versions: 1");
  }
  Credentials creds;
  creds.source = "custom-process";
  auto key = required_string(doc, "AccessKeyId");
  if (!key) return key.error();
  auto secret = required_string(doc, "SecretAccessKey");
  if (!secret) return secret.error();
  creds.access_key_id = std::move(*key);
  creds.secret_access_key = std::move(*secret);
  if (auto token = doc.find("SessionToken"); token != doc.end() && token->is_string()) {
    creds.session_token = token->get<std::string>();
  }
  if (auto exp = doc.find("Expiration"); exp != doc.end() && !exp->is_null()) {
    std::optional<std::chrono::system_clock::time_point> when;
    if (exp->is_string()) when = parse_iso8601(exp->get_ref<const std::string&>());
    if (!when) return process_error("'Expiration' must be an ISO 8601 timestamp, got " + exp->dump());
    if (*when <= now) {
      return process_error("the credentials it returned already expired (Expiration " +
                           exp->get<std::string>() + ")");
    }
    creds.expiration = *when;
  }
  return creds;
}

Result<Credentials> run_credential_process(std::string_view command, std::string_view profile,
                                           std::chrono::system_clock::time_point now) {
  auto argv = shell_split(command);
  if (!argv) {
    return process_error("cannot parse credential_process of profile '" + std::string(profile) +
                         "': " + argv.error().message);
  }
  if (argv->empty()) return process_error("credential_process of profile '" + std::string(profile) + "' is empty");
  auto output = run(*argv);
  if (!output) return output.error();
  if (output->exit_status != 0) {
    std::string err = trimmed(output->err);
    return process_error("'" + (*argv)[0] + "' exited with status " + std::to_string(output->exit_status) +
                         (err.empty() ? std::string() : ": " + err));
  }
  return parse_credential_process_output(output->out, now);
}

}  // namespace ec2::auth
