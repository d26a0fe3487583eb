#include "imds.h"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "instances.h"
#include "sts.h"

namespace ec2::emu {
namespace {

constexpr std::chrono::hours kRoleSessionLifetime{6};
constexpr std::chrono::minutes kRefreshBefore{15};

HttpReply text_reply(int status, std::string body) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "text/plain";
  reply.body = std::move(body);
  return reply;
}

/// The leaf values under `/latest/meta-data/` (directories are derived from the paths).
std::map<std::string, std::string> metadata_values(const LocatedInstance& located) {
  const Instance& i = located.instance;
  std::string private_dns = private_dns_name(located.region, i.private_ip);
  std::map<std::string, std::string> values = {
      {"ami-id", i.image_id},
      {"ami-launch-index", std::to_string(i.launch_index)},
      {"hostname", private_dns},
      {"instance-id", i.id},
      {"instance-life-cycle", "on-demand"},
      {"instance-type", i.instance_type},
      {"local-hostname", private_dns},
      {"local-ipv4", i.private_ip},
      {"mac", i.mac_address},
      {"placement/availability-zone", i.availability_zone},
      {"placement/region", located.region},
      {"reservation-id", i.reservation_id},
  };
  std::string groups;
  for (const std::string& name : located.group_names) groups += (groups.empty() ? "" : "\n") + name;
  values["security-groups"] = groups;
  if (!i.public_ip.empty()) {
    values["public-ipv4"] = i.public_ip;
    values["public-hostname"] = public_dns_name(located.region, i.public_ip);
  }
  return values;
}

/// The listing of directory `dir` ("" or "placement/") among `values`' paths.
std::optional<std::string> listing(const std::map<std::string, std::string>& values, const std::string& dir) {
  std::set<std::string> entries;
  for (auto& [path, value] : values) {
    if (path.compare(0, dir.size(), dir) != 0) continue;
    std::string rest = path.substr(dir.size());
    size_t slash = rest.find('/');
    entries.insert(slash == std::string::npos ? rest : rest.substr(0, slash + 1));
  }
  if (entries.empty()) return std::nullopt;
  std::string out;
  for (const std::string& entry : entries) out += (out.empty() ? "" : "\n") + entry;
  return out;
}

}  // namespace

nlohmann::json credentials_json(const Session& session) {
  return {{"AccessKeyId", session.access_key_id},
          {"SecretAccessKey", session.secret_access_key},
          {"Token", session.session_token},
          {"Expiration", expiration_text(session.expiration)}};
}

Session RoleCredentialCache::get(const Role& role, const std::string& session_name, SessionStore& sessions,
                                 std::chrono::system_clock::time_point now) {
  std::lock_guard lock(mutex_);
  std::string key = role.arn() + "/" + session_name;
  auto it = sessions_.find(key);
  if (it == sessions_.end() || it->second.expiration - now < kRefreshBefore) {
    Session fresh = sessions.issue(role_identity(role, session_name), now, kRoleSessionLifetime);
    it = sessions_.insert_or_assign(key, fresh).first;
  }
  return it->second;
}

Imds::Imds(MetadataContext context) : context_(std::move(context)) {}

void Imds::configure(std::string instance_id, bool allow_v1) {
  std::lock_guard lock(mutex_);
  instance_id_ = std::move(instance_id);
  allow_v1_ = allow_v1;
}

std::string Imds::instance_id() const {
  std::lock_guard lock(mutex_);
  return instance_id_;
}

bool Imds::allow_v1() const {
  std::lock_guard lock(mutex_);
  return allow_v1_;
}

HttpReply Imds::put_token(const HttpCall& http) {
  if (find_header(http.headers, "X-Forwarded-For")) return text_reply(403, "Forbidden");
  const std::string* ttl_text = find_header(http.headers, "X-aws-ec2-metadata-token-ttl-seconds");
  int ttl = 0;
  if (ttl_text && !ttl_text->empty() && ttl_text->size() < 7 &&
      ttl_text->find_first_not_of("0123456789") == std::string::npos) {
    ttl = std::stoi(*ttl_text);
  }
  if (ttl < 1 || ttl > 21600) return text_reply(400, "Bad Request");
  static constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  std::string token;
  {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < 56; ++i) token.push_back(kChars[random_() % kChars.size()]);
    token += "==";
    tokens_[token] = context_.now() + std::chrono::seconds(ttl);
  }
  HttpReply reply = text_reply(200, token);
  reply.headers.emplace_back("X-aws-ec2-metadata-token-ttl-seconds", std::to_string(ttl));
  return reply;
}

std::optional<HttpReply> Imds::check_token(const HttpCall& http) {
  const std::string* token = find_header(http.headers, "X-aws-ec2-metadata-token");
  std::lock_guard lock(mutex_);
  if (!token) {
    if (allow_v1_) return std::nullopt;
    return text_reply(401, "Unauthorized");
  }
  auto it = tokens_.find(*token);
  if (it == tokens_.end() || context_.now() >= it->second) return text_reply(401, "Unauthorized");
  return std::nullopt;
}

HttpReply Imds::handle(const HttpCall& http) {
  if (http.path == "/latest/api/token") {
    return http.method == "PUT" ? put_token(http) : text_reply(405, "Method Not Allowed");
  }
  if (http.method != "GET") return text_reply(405, "Method Not Allowed");
  if (auto refused = check_token(http)) return *refused;
  std::optional<LocatedInstance> located = context_.find_instance(instance_id());
  if (!located) return text_reply(404, "Not Found");
  if (http.path == "/latest/dynamic/instance-identity/document") {
    const Instance& i = located->instance;
    nlohmann::json doc = {{"accountId", located->account_id}, {"architecture", i.architecture},
                          {"availabilityZone", i.availability_zone}, {"imageId", i.image_id},
                          {"instanceId", i.id}, {"instanceType", i.instance_type},
                          {"pendingTime", expiration_text(i.launch_time)}, {"privateIp", i.private_ip},
                          {"region", located->region}, {"version", "2017-09-30"}};
    HttpReply reply = text_reply(200, doc.dump(2));
    reply.content_type = "application/json";
    return reply;
  }
  constexpr std::string_view kPrefix = "/latest/meta-data/";
  if (http.path == "/latest/meta-data") return metadata("", *located);
  if (http.path.compare(0, kPrefix.size(), kPrefix) != 0) return text_reply(404, "Not Found");
  return metadata(http.path.substr(kPrefix.size()), *located);
}

HttpReply Imds::metadata(const std::string& path, const LocatedInstance& located) {
  std::map<std::string, std::string> values = metadata_values(located);
  const std::string& profile_arn = located.instance.iam_instance_profile_arn;
  const InstanceProfile* profile = nullptr;
  if (!profile_arn.empty() && context_.accounts) profile = context_.accounts->find_profile(located.account_id, profile_arn);
  if (profile) {
    values["iam/info"] = nlohmann::json{{"Code", "Success"},
                                        {"LastUpdated", expiration_text(context_.now())},
                                        {"InstanceProfileArn", profile_arn},
                                        {"InstanceProfileId", iam_unique_id("AIPA", profile_arn)}}.dump(2);
    values["iam/security-credentials/" + profile->role] = "";
  }
  constexpr std::string_view kCreds = "iam/security-credentials/";
  if (profile && path.compare(0, kCreds.size(), kCreds) == 0 && path.size() > kCreds.size()) {
    return credentials(path.substr(kCreds.size()), located);
  }
  if (auto it = values.find(path); it != values.end()) return text_reply(200, it->second);
  // A leaf read with a trailing slash (botocore asks for `placement/availability-zone/`).
  if (!path.empty() && path.back() == '/') {
    if (auto it = values.find(path.substr(0, path.size() - 1)); it != values.end()) return text_reply(200, it->second);
  }
  if (path.empty() || path.back() == '/') {
    if (auto list = listing(values, path)) return text_reply(200, *list);
  }
  return text_reply(404, "Not Found");
}

HttpReply Imds::credentials(const std::string& role_name, const LocatedInstance& located) {
  const InstanceProfile* profile =
      context_.accounts->find_profile(located.account_id, located.instance.iam_instance_profile_arn);
  const Role* role = context_.accounts->find_role(located.account_id, profile->role);
  if (!role || role_name != role->name) return text_reply(404, "Not Found");
  Session session = cache_.get(*role, located.instance.id, *context_.sessions, context_.now());
  nlohmann::json body = credentials_json(session);
  body["Code"] = "Success";
  body["LastUpdated"] = expiration_text(context_.now());
  body["Type"] = "AWS-HMAC";
  HttpReply reply = text_reply(200, body.dump(2));
  reply.content_type = "application/json";
  return reply;
}

}  // namespace ec2::emu
