#include "auth/instance_metadata.h"

#include <nlohmann/json.hpp>

#include "auth/credential_process.h"
#include "auth/refreshing_credentials.h"

namespace ec2::auth {
namespace {

constexpr std::string_view kTokenPath = "latest/api/token";
constexpr std::string_view kRolePath = "latest/meta-data/iam/security-credentials/";
constexpr std::string_view kZonePath = "latest/meta-data/placement/availability-zone/";

Error invalid(std::string message) {
  return make_error(ErrorCategory::Config, "InvalidConfig", std::move(message));
}

/// The variable `var` when set and non-empty, else the profile's `key`.
std::optional<std::string> lookup(const Environment& env, const Settings& profile,
                                  std::string_view var, std::string_view key) {
  if (auto v = env.get(var); v && !v->empty()) return v;
  if (const std::string* s = setting(profile, key)) return *s;
  return std::nullopt;
}

bool is_true(const std::optional<std::string>& value) {
  if (!value) return false;
  std::string lower;
  for (char c : *value) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower == "true";
}

Result<int> whole_number(const std::string& text, std::string_view name, int minimum) {
  size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < minimum) {
    return invalid(std::string(name) + " must be a whole number of at least " +
                   std::to_string(minimum) + ", got '" + text + "'");
  }
  return value;
}

Result<std::string> endpoint(const Environment& env, const Settings& profile) {
  auto custom = lookup(env, profile, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint");
  auto mode = lookup(env, profile, "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode");
  bool ipv6 = false;
  if (mode) {
    std::string lower;
    for (char c : *mode) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower != "ipv4" && lower != "ipv6") {
      return invalid("ec2_metadata_service_endpoint_mode must be ipv4 or ipv6, got '" + *mode + "'");
    }
    ipv6 = lower == "ipv6";
  } else {
    ipv6 = is_true(lookup(env, profile, "AWS_IMDS_USE_IPV6", "imds_use_ipv6"));
  }
  if (custom) {
    if (!(custom->starts_with("http://") || custom->starts_with("https://")) || !url_host(*custom)) {
      return invalid("ec2_metadata_service_endpoint must be an http(s) URL, got '" + *custom + "'");
    }
    return *custom;
  }
  return std::string(ipv6 ? "http://[fd00:ec2::254]/" : "http://169.254.169.254/");
}

bool retry_needed(const HttpResponse& response, bool json) {
  if (response.status != 200 || response.body.empty()) return true;
  return json && !nlohmann::json::accept(response.body);
}

}  // namespace

Result<ImdsSettings> imds_settings(const Environment& env, const Settings& profile) {
  ImdsSettings out;
  // A given Environment that does not set the switch leaves it to the process's own (a test or an
  // embedding caller with a faked environment still honours AWS_EC2_METADATA_DISABLED=true).
  auto disabled = env.get("AWS_EC2_METADATA_DISABLED");
  if (!disabled) disabled = process_environment().get("AWS_EC2_METADATA_DISABLED");
  out.disabled = is_true(disabled);
  if (auto t = lookup(env, profile, "AWS_METADATA_SERVICE_TIMEOUT", "metadata_service_timeout")) {
    auto seconds = whole_number(*t, "metadata_service_timeout", 0);
    if (!seconds) return seconds.error();
    out.timeout = std::chrono::seconds(*seconds);
  }
  if (auto a = lookup(env, profile, "AWS_METADATA_SERVICE_NUM_ATTEMPTS", "metadata_service_num_attempts")) {
    auto attempts = whole_number(*a, "metadata_service_num_attempts", 1);
    if (!attempts) return attempts.error();
    out.attempts = *attempts;
  }
  auto base = endpoint(env, profile);
  if (!base) return base.error();
  out.endpoint = std::move(*base);
  return out;
}

ImdsClient::ImdsClient(ImdsSettings settings, const TransportFactory& make_transport)
    : settings_(std::move(settings)) {
  if (!settings_.disabled) transport_ = make_transport(options_with_timeout(settings_.timeout));
}

std::string ImdsClient::url(std::string_view path) const {
  const std::string& base = settings_.endpoint;
  return base + (base.ends_with('/') ? "" : "/") + std::string(path);
}

Result<std::optional<std::string>> ImdsClient::token() {
  if (!transport_) return make_error(ErrorCategory::Config, "MetadataDisabled", "instance metadata is disabled");
  HttpRequest request{"PUT", url(kTokenPath), {{"x-aws-ec2-metadata-token-ttl-seconds", "21600"}}, ""};
  for (int i = 0; i < settings_.attempts; ++i) {
    auto response = transport_->send(request);
    if (!response) {
      if (response.error().category == ErrorCategory::Timeout) return std::optional<std::string>();
      continue;  // connection errors are retried, then fall back to IMDSv1
    }
    if (response->status == 200) return std::optional<std::string>(response->body);
    if (response->status == 403 || response->status == 404 || response->status == 405) {
      return std::optional<std::string>();
    }
    if (response->status == 400) {
      return make_error(ErrorCategory::Client, "BadIMDSRequest",
                        "the instance metadata service refused the token request (HTTP 400)");
    }
  }
  return std::optional<std::string>();
}

Result<std::string> ImdsClient::get(std::string_view path, const std::optional<std::string>& token, bool json) {
  if (!transport_) return make_error(ErrorCategory::Config, "MetadataDisabled", "instance metadata is disabled");
  HttpRequest request{"GET", url(path), {}, ""};
  if (token) request.headers.emplace_back("x-aws-ec2-metadata-token", *token);
  for (int i = 0; i < settings_.attempts; ++i) {
    auto response = transport_->send(request);
    if (response && !retry_needed(*response, json)) return std::move(response->body);
  }
  return make_error(ErrorCategory::Network, "MetadataRetrievalError",
                    "no answer from the instance metadata service at " + request.url + " after " +
                        std::to_string(settings_.attempts) + " attempt(s)");
}

std::optional<Credentials> fetch_instance_credentials(ImdsClient& client) {
  auto token = client.token();
  if (!token) return std::nullopt;
  auto role = client.get(kRolePath, *token, false);
  if (!role) return std::nullopt;
  auto body = client.get(std::string(kRolePath) + *role, *token, true);
  if (!body) return std::nullopt;
  auto doc = nlohmann::json::parse(*body, nullptr, false);
  Credentials c;
  c.source = "iam-role";
  c.identity = "iam-role: instance profile role " + *role;
  for (auto [key, out] : {std::pair{"AccessKeyId", &c.access_key_id},
                          std::pair{"SecretAccessKey", &c.secret_access_key},
                          std::pair{"Token", &c.session_token}}) {
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_string()) return std::nullopt;
    *out = doc[key].get<std::string>();
  }
  if (!doc.contains("Expiration") || !doc["Expiration"].is_string()) return std::nullopt;
  c.expiration = parse_iso8601(doc["Expiration"].get<std::string>());
  if (!c.expiration) return std::nullopt;
  return c;
}

std::optional<std::string> fetch_instance_region(ImdsClient& client) {
  auto token = client.token();
  if (!token) return std::nullopt;
  auto zone = client.get(kZonePath, *token, false);
  if (!zone || zone->size() < 2) return std::nullopt;
  return zone->substr(0, zone->size() - 1);
}

std::optional<std::string> instance_metadata_region(const Environment& env, const Settings& profile,
                                                    const TransportFactory& transport) {
  auto settings = imds_settings(env, profile);
  if (!settings || settings->disabled) return std::nullopt;
  ImdsClient client(*settings, transport);
  return fetch_instance_region(client);
}

MaybeProvider load_instance_metadata(const CredentialSources& s, const std::string&, bool) {
  auto settings = imds_settings(s.env, s.files.merged_profile(s.profile));
  if (!settings) return settings.error();
  if (settings->disabled) return std::shared_ptr<CredentialsProvider>();
  auto client = std::make_shared<ImdsClient>(*settings, s.services.transport);
  auto first = fetch_instance_credentials(*client);
  if (!first) return std::shared_ptr<CredentialsProvider>();
  // The first refresh hands out what was just fetched; later ones ask the service again.
  auto fetched = std::make_shared<std::optional<Credentials>>(std::move(first));
  return refreshing_credentials(
      [client, fetched]() -> Result<Credentials> {
        if (*fetched) {
          Credentials c = std::move(**fetched);
          fetched->reset();
          return c;
        }
        if (auto c = fetch_instance_credentials(*client)) return *c;
        return make_error(ErrorCategory::Network, "MetadataRetrievalError",
                          "the instance metadata service gave no credentials for the instance role");
      },
      s.services.clock);
}

}  // namespace ec2::auth
