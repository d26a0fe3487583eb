#pragma once
/// Instance metadata (IMDS) on its own listener (`--imds-port`, 127.0.0.1), answering for one
/// instance of the world (chosen by `--imds-instance` or `POST /_emulator/imds`): IMDSv2 session
/// tokens (`PUT /latest/api/token`, TTL 1–21600 s, refused with `X-Forwarded-For`), the usual
/// meta-data, the instance identity document and `iam/security-credentials/ROLE` for the instance
/// profile the instance was launched with. IMDSv1 (no token) only when allowed.

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "accounts.h"
#include "dispatcher.h"
#include "model.h"
#include "sessions.h"

namespace ec2::emu {

/// A copy of an instance with where it lives.
struct LocatedInstance {
  Instance instance;
  std::string region;
  std::string account_id;
  std::vector<std::string> group_names;
};

/// What the metadata services need from the emulator.
struct MetadataContext {
  /// Finds an instance by id in every account and region (takes the World lock).
  std::function<std::optional<LocatedInstance>(const std::string& id)> find_instance;
  std::function<std::chrono::system_clock::time_point()> now;  ///< Emulated time.
  const Accounts* accounts = nullptr;
  SessionStore* sessions = nullptr;
};

/// Credentials of a role, reissued when less than 15 minutes are left (as IMDS and the container
/// agent rotate them before they expire). Thread-safe.
class RoleCredentialCache {
 public:
  /// The current session of `role` for `session_name`, valid for 6 hours when issued.
  Session get(const Role& role, const std::string& session_name, SessionStore& sessions,
              std::chrono::system_clock::time_point now);

 private:
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;  ///< By role ARN + session name.
};

class Imds {
 public:
  explicit Imds(MetadataContext context);

  /// Answers one request on the metadata listener.
  HttpReply handle(const HttpCall& http);
  /// Which instance to answer for, and whether requests without a token are served.
  void configure(std::string instance_id, bool allow_v1);
  std::string instance_id() const;
  bool allow_v1() const;

 private:
  HttpReply put_token(const HttpCall& http);
  /// Empty when the request may read metadata, else the refusal.
  std::optional<HttpReply> check_token(const HttpCall& http);
  HttpReply metadata(const std::string& path, const LocatedInstance& located);
  HttpReply credentials(const std::string& role_name, const LocatedInstance& located);

  MetadataContext context_;
  mutable std::mutex mutex_;
  std::string instance_id_;
  bool allow_v1_ = false;
  std::mt19937_64 random_{std::random_device{}()};
  std::map<std::string, std::chrono::system_clock::time_point> tokens_;
  RoleCredentialCache cache_;
};

/// The credentials JSON IMDS and the container endpoint share the fields of.
nlohmann::json credentials_json(const Session& session);

}  // namespace ec2::emu
