#include "checkip.h"

#include <arpa/inet.h>

#include <fmt/format.h>

namespace ec2::cli {
namespace {

Error check_ip_error(const std::string& url, std::string_view why) {
  return make_error(ErrorCategory::Network, "CheckIpFailed",
                    fmt::format("Cannot find your public IP address from {}: {}. Give the address "
                                "allowed to use SSH with --ssh-cidr (e.g. 203.0.113.7/32).",
                                url, why));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string check_ip_url(const Environment& env) {
  if (auto url = env.get("EC2_CHECKIP_URL"); url && !url->empty()) return *url;
  return std::string(kDefaultCheckIpUrl);
}

Result<std::string> caller_cidr(HttpTransport& transport, const std::string& url) {
  HttpRequest request;
  request.method = "GET";
  request.url = url;
  auto response = transport.send(request);
  if (!response) return check_ip_error(url, response.error().message);
  if (response->status != 200)
    return check_ip_error(url, fmt::format("HTTP status {}", response->status));
  std::string address(trim(response->body));
  in_addr parsed{};
  if (inet_pton(AF_INET, address.c_str(), &parsed) != 1)
    return check_ip_error(url, fmt::format("the answer '{}' is not an IPv4 address",
                                           address.substr(0, 40)));
  return address + "/32";
}

}  // namespace ec2::cli
