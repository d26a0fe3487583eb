#include "auth/container_credentials.h"

#include <arpa/inet.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/credential_process.h"
#include "auth/refreshing_credentials.h"

namespace ec2::auth {
namespace {

constexpr std::chrono::seconds kTimeout{2};
constexpr int kAttempts = 3;
constexpr std::chrono::seconds kPause{1};

Error container_error(std::string message) {
  return make_error(ErrorCategory::Config, "ContainerCredentialsError",
                    "Error retrieving container credentials: " + std::move(message));
}

bool is_loopback(const std::string& host) {
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

bool same_ipv6(const std::string& host, const char* address) {
  in6_addr a{}, b{};
  return inet_pton(AF_INET6, host.c_str(), &a) == 1 && inet_pton(AF_INET6, address, &b) == 1 &&
         std::equal(a.s6_addr, a.s6_addr + 16, b.s6_addr);
}

std::optional<std::string> nonempty(const Environment& env, std::string_view name) {
  auto v = env.get(name);
  return v && !v->empty() ? v : std::nullopt;
}

/// The Authorization header value for this fetch (the token file is read every time).
Result<std::string> authorization(const ContainerSettings& s) {
  std::string token = s.token;
  if (!s.token_file.empty()) {
    std::ifstream in(s.token_file, std::ios::binary);
    if (!in) return container_error("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + s.token_file);
    std::stringstream ss;
    ss << in.rdbuf();
    token = ss.str();
  }
  if (token.find_first_of("\r\n") != std::string::npos) {
    return container_error("the authorization token contains a line break");
  }
  return token;
}

Result<Credentials> parse_answer(const std::string& body) {
  auto doc = nlohmann::json::parse(body, nullptr, false);
  Credentials c;
  c.source = "container-role";
  for (auto [key, out] : {std::pair{"AccessKeyId", &c.access_key_id},
                          std::pair{"SecretAccessKey", &c.secret_access_key},
                          std::pair{"Token", &c.session_token}}) {
    if (!doc.contains(key) || !doc[key].is_string()) {
      return container_error(std::string("the answer has no '") + key + "'");
    }
    *out = doc[key].get<std::string>();
  }
  if (!doc.contains("Expiration") || !doc["Expiration"].is_string() ||
      !(c.expiration = parse_iso8601(doc["Expiration"].get<std::string>()))) {
    return container_error("the answer has no ISO 8601 'Expiration'");
  }
  return c;
}

}  // namespace

bool container_host_allowed(const std::string& host) {
  if (host == "localhost" || host == "169.254.170.2" || host == "169.254.170.23") return true;
  return same_ipv6(host, "fd00:ec2::23") || is_loopback(host);
}

Result<std::optional<ContainerSettings>> container_settings(const Environment& env) {
  ContainerSettings s;
  if (auto relative = nonempty(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    s.url = "http://169.254.170.2" + *relative;
    return std::optional<ContainerSettings>(std::move(s));
  }
  auto full = nonempty(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI");
  if (!full) return std::optional<ContainerSettings>();
  auto host = url_host(*full);
  if (!host || !container_host_allowed(*host)) {
    return make_error(ErrorCategory::Config, "InvalidContainerEndpoint",
                      "AWS_CONTAINER_CREDENTIALS_FULL_URI " + *full + ": unsupported host '" +
                          host.value_or("") + "'; container credentials come only from a loopback "
                          "address or one of 169.254.170.2, 169.254.170.23, fd00:ec2::23, localhost");
  }
  s.url = *full;
  s.token = nonempty(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN").value_or("");
  s.token_file = nonempty(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE").value_or("");
  return std::optional<ContainerSettings>(std::move(s));
}

Result<Credentials> fetch_container_credentials(const ContainerSettings& settings,
                                                const TransportFactory& make_transport, Clock& clock) {
  HttpRequest request{"GET", settings.url, {{"Accept", "application/json"}}, ""};
  if (!settings.token.empty() || !settings.token_file.empty()) {
    auto token = authorization(settings);
    if (!token) return token.error();
    request.headers.emplace_back("Authorization", *token);
  }
  auto transport = make_transport(options_with_timeout(kTimeout, settings.ca_bundle));
  std::string last;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    if (attempt > 1) clock.sleep(kPause);
    auto response = transport->send(request);
    if (!response) {
      last = to_string(response.error());
    } else if (response->status != 200) {
      last = "HTTP " + std::to_string(response->status) + ": " + body_excerpt(response->body);
    } else if (!nlohmann::json::accept(response->body)) {
      last = "the answer is not JSON";
    } else {
      auto creds = parse_answer(response->body);
      if (creds) creds->identity = "container-role: " + settings.url;
      return creds;
    }
  }
  return container_error(settings.url + " failed " + std::to_string(kAttempts) + " times; last: " + last);
}

MaybeProvider load_container(const CredentialSources& s, const std::string&, bool) {
  auto settings = container_settings(s.env);
  if (!settings) return settings.error();
  if (!*settings) return std::shared_ptr<CredentialsProvider>();
  (*settings)->ca_bundle = s.ca_bundle;
  auto clock = s.services.clock;
  auto first = fetch_container_credentials(**settings, s.services.transport, *clock);
  if (!first) return first.error();
  // The first refresh hands out what was just fetched; later ones fetch again.
  auto fetched = std::make_shared<std::optional<Credentials>>(std::move(*first));
  return refreshing_credentials(
      [settings = **settings, factory = s.services.transport, clock, fetched]() -> Result<Credentials> {
        if (*fetched) {
          Credentials c = std::move(**fetched);
          fetched->reset();
          return c;
        }
        return fetch_container_credentials(settings, factory, *clock);
      },
      clock);
}

}  // namespace ec2::auth
