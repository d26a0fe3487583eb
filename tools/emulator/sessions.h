#pragma once
/// Temporary credentials issued by STS, SSO, IMDS and the container endpoint: `ASIA…` keys with a
/// secret, a session token and an expiry, each bound to an Identity. Thread-safe (issued by one
/// request, checked by others).

#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>

#include "identity.h"
#include "sim_clock.h"

namespace ec2::emu {

struct Session {
  std::string access_key_id;  ///< `ASIA…`
  std::string secret_access_key;
  std::string session_token;
  std::chrono::system_clock::time_point expiration;
  Identity identity;
};

class SessionStore {
 public:
  explicit SessionStore(uint64_t seed = std::random_device{}());

  /// Issues new credentials for `identity`, valid from `now` for `duration`.
  Session issue(const Identity& identity, std::chrono::system_clock::time_point now, std::chrono::seconds duration);
  /// The session of `access_key_id` (expired ones too), or nothing.
  std::optional<Session> find(const std::string& access_key_id) const;
  /// Forgets every session (control reset).
  void clear();
  /// Test only (`--session-lifetime-scale`): every session lives `scale` × the duration asked
  /// for, and says so in its expiration, so a test can see credentials expire during a run.
  void set_lifetime_scale(double scale) { lifetime_scale_ = scale; }

 private:
  std::string random_text(size_t length, std::string_view alphabet);

  mutable std::mutex mutex_;
  std::mt19937_64 random_;
  std::map<std::string, Session> sessions_;
  double lifetime_scale_ = 1.0;
};

/// `2026-12-07T03:00:00Z`: ISO 8601 UTC in whole seconds, as STS, IMDS and the container endpoint
/// write expirations.
std::string expiration_text(std::chrono::system_clock::time_point time);


}  // namespace ec2::emu
