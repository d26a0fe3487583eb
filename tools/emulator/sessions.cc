#include "sessions.h"

#include "keys.h"

namespace ec2::emu {

SessionStore::SessionStore(uint64_t seed) : random_(seed) {}

std::string SessionStore::random_text(size_t length, std::string_view alphabet) {
  std::string out;
  for (size_t i = 0; i < length; ++i) out.push_back(alphabet[random_() % alphabet.size()]);
  return out;
}

Session SessionStore::issue(const Identity& identity, std::chrono::system_clock::time_point now,
                            std::chrono::seconds duration) {
  static constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  static constexpr std::string_view kSecret =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::lock_guard lock(mutex_);
  Session session;
  session.access_key_id = "ASIA" + random_text(16, kUpper);
  session.secret_access_key = random_text(40, kSecret);
  // Real session tokens are long opaque base64 blobs; clients must pass them through unchanged.
  session.session_token = base64_encode("emulator-session/" + session.access_key_id + "/" + random_text(96, kSecret));
  auto lifetime = std::chrono::milliseconds(static_cast<int64_t>(duration.count() * 1000 * lifetime_scale_));
  session.expiration = std::chrono::time_point_cast<std::chrono::seconds>(now + lifetime);
  session.identity = identity;
  session.identity.temporary = true;
  sessions_[session.access_key_id] = session;
  return session;
}

std::optional<Session> SessionStore::find(const std::string& access_key_id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(access_key_id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second;
}

void SessionStore::clear() {
  std::lock_guard lock(mutex_);
  sessions_.clear();
}

std::string expiration_text(std::chrono::system_clock::time_point time) {
  std::string text = iso8601(std::chrono::time_point_cast<std::chrono::seconds>(time));
  size_t dot = text.rfind('.');
  return dot == std::string::npos ? text : text.substr(0, dot) + "Z";
}

}  // namespace ec2::emu
