#include "auth/cli_cache.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "auth/credential_process.h"

namespace ec2::auth {
namespace {

std::string sha1_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha1(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

/// A JSON string as Python's json.dumps writes it (ensure_ascii: non-ASCII as \uXXXX).
std::string python_json_string(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
}

std::string python_json(const CacheKeyArgs& args, std::string_view item_sep, std::string_view key_sep) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : args) {  // std::map: sorted like sort_keys=True
    if (!first) out += item_sep;
    first = false;
    out += python_json_string(key);
    out += key_sep;
    if (const auto* text = std::get_if<std::string>(&value)) out += python_json_string(*text);
    else out += std::to_string(std::get<long long>(value));
  }
  return out + "}";
}

/// botocore writes `...UTC`; other writers `Z` or `+00:00`.
std::optional<std::chrono::system_clock::time_point> parse_cache_time(std::string text) {
  if (text.ends_with("UTC")) text.replace(text.size() - 3, 3, "Z");
  return parse_iso8601(text);
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Error io_error(std::string what) {
  return make_error(ErrorCategory::Io, "CredentialCacheError", std::move(what) + ": " + std::strerror(errno));
}

/// Creates `dir` and its missing parents; the folders made here are 0700.
Status make_dirs(const std::string& dir) {
  for (size_t slash = dir.find('/', 1);; slash = dir.find('/', slash + 1)) {
    std::string part = dir.substr(0, slash);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return io_error("cannot create " + part);
    if (slash == std::string::npos) return {};
  }
}

Status write_atomically(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("cannot write " + tmp);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Error e = io_error("cannot write " + tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return e;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    Error e = io_error("cannot write " + path);
    ::unlink(tmp.c_str());
    return e;
  }
  return {};
}

}  // namespace

std::string assume_role_cache_key(const CacheKeyArgs& args) { return sha1_hex(python_json(args, ", ", ": ")); }

std::string sso_cache_key(const CacheKeyArgs& args) { return sha1_hex(python_json(args, ",", ":")); }

std::string cli_cache_dir(const Environment& env) { return env.home() + "/.aws/cli/cache"; }

std::string cache_timestamp(std::chrono::system_clock::time_point time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SUTC", &tm);
  return buf;
}

std::optional<AssumedRole> CliCache::load(const std::string& key, std::chrono::system_clock::time_point now,
                                          std::chrono::seconds window) const {
  auto text = read_file(path(key));
  if (!text) return std::nullopt;
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc["Credentials"].is_object()) return std::nullopt;
  const nlohmann::json& c = doc["Credentials"];
  auto str = [](const nlohmann::json& j, const char* name) {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  AssumedRole role;
  role.credentials.access_key_id = str(c, "AccessKeyId");
  role.credentials.secret_access_key = str(c, "SecretAccessKey");
  role.credentials.session_token = str(c, "SessionToken");
  role.expiration = str(c, "Expiration");
  role.credentials.expiration = parse_cache_time(role.expiration);
  if (role.credentials.access_key_id.empty() || role.credentials.secret_access_key.empty() ||
      !role.credentials.expiration || *role.credentials.expiration - now < window) {
    return std::nullopt;
  }
  if (doc["AssumedRoleUser"].is_object()) {
    role.assumed_role_id = str(doc["AssumedRoleUser"], "AssumedRoleId");
    role.arn = str(doc["AssumedRoleUser"], "Arn");
  }
  if (doc["ResponseMetadata"].is_object()) role.request_id = str(doc["ResponseMetadata"], "RequestId");
  return role;
}

Status CliCache::store(const std::string& key, const AssumedRole& role) const {
  nlohmann::json doc;
  doc["Credentials"] = {{"AccessKeyId", role.credentials.access_key_id},
                        {"SecretAccessKey", role.credentials.secret_access_key},
                        {"SessionToken", role.credentials.session_token},
                        {"Expiration", role.credentials.expiration ? cache_timestamp(*role.credentials.expiration)
                                                                   : role.expiration}};
  doc["AssumedRoleUser"] = {{"AssumedRoleId", role.assumed_role_id}, {"Arn", role.arn}};
  doc["ResponseMetadata"] = {{"RequestId", role.request_id}};
  EC2_TRY(make_dirs(dir_));
  return write_atomically(path(key), doc.dump());
}

}  // namespace ec2::auth
