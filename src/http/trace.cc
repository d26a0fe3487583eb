#include "http/trace.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

namespace ec2::http {
namespace {

/// Bodies longer than this are cut in the trace.
constexpr size_t kMaxTracedBody = 16 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool iequals(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

std::string cut(std::string_view body) {
  if (body.size() <= kMaxTracedBody) return std::string(body);
  return std::string(body.substr(0, kMaxTracedBody)) + "... (" +
         std::to_string(body.size() - kMaxTracedBody) + " more bytes)";
}

bool looks_like_xml(std::string_view body) {
  auto pos = body.find_first_not_of(" \t\r\n");
  return pos != std::string_view::npos && body[pos] == '<';
}

bool looks_like_json(std::string_view body) {
  auto pos = body.find_first_not_of(" \t\r\n");
  return pos != std::string_view::npos && (body[pos] == '{' || body[pos] == '[');
}

void redact_json_values(nlohmann::json& doc) {
  if (doc.is_object()) {
    for (auto& [key, value] : doc.items()) {
      if (value.is_string() && is_secret_name(key)) value = kRedacted;
      else redact_json_values(value);
    }
  } else if (doc.is_array()) {
    for (auto& value : doc) redact_json_values(value);
  }
}

/// A body as it may be shown: XML and JSON with secret values redacted, else as a form.
std::string redact_body(std::string_view body) {
  if (looks_like_xml(body)) return redact_xml(body);
  if (looks_like_json(body)) return redact_json(body);
  return redact_form(body);
}

/// Redacts the Signature=... part of an Authorization header value.
std::string redact_authorization(std::string_view value) {
  auto pos = value.find("Signature=");
  if (pos == std::string_view::npos) return std::string(kRedacted);
  pos += std::string_view("Signature=").size();
  auto end = value.find_first_of(", ", pos);
  std::string out(value.substr(0, pos));
  out += kRedacted;
  if (end != std::string_view::npos) out += value.substr(end);
  return out;
}

}  // namespace

bool is_secret_name(std::string_view name) {
  std::string n = lower(name);
  n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == '-' || c == '_'; }), n.end());
  static constexpr std::array kMarkers = {"secret",        "password",     "passwd",       "signature",
                                          "securitytoken", "sessiontoken", "identitytoken", "tokencode",
                                          "accesstoken",   "refreshtoken", "keymaterial",   "privatekey",
                                          "bearertoken",   "metadatatoken"};
  if (n == "token") return true;  // container and instance metadata credentials' session token
  for (std::string_view marker : kMarkers) {
    if (n.find(marker) != std::string::npos) return true;
  }
  return false;
}

std::string redact_header(std::string_view name, std::string_view value) {
  if (iequals(name, "Authorization")) return redact_authorization(value);
  if (is_secret_name(name)) return std::string(kRedacted);
  return std::string(value);
}

std::string redact_form(std::string_view form) {
  std::string out;
  size_t start = 0;
  bool first = true;
  while (start <= form.size()) {
    size_t end = form.find('&', start);
    if (end == std::string_view::npos) end = form.size();
    std::string_view pair = form.substr(start, end - start);
    size_t eq = pair.find('=');
    if (!first) out += '&';
    first = false;
    if (eq != std::string_view::npos && is_secret_name(pair.substr(0, eq))) {
      out += pair.substr(0, eq + 1);
      out += kRedacted;
    } else {
      out += pair;
    }
    start = end + 1;
  }
  return out;
}

std::string redact_json(std::string_view json) {
  auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded()) return std::string(kRedacted);
  redact_json_values(doc);
  return doc.dump();
}

std::string redact_xml(std::string_view xml) {
  std::string out;
  size_t pos = 0;
  while (pos < xml.size()) {
    size_t open = xml.find('<', pos);
    if (open == std::string_view::npos) break;
    size_t close = xml.find('>', open);
    if (close == std::string_view::npos) break;
    std::string_view tag = xml.substr(open + 1, close - open - 1);
    out += xml.substr(pos, close + 1 - pos);
    pos = close + 1;
    bool opening =
        !tag.empty() && tag[0] != '/' && tag[0] != '?' && tag[0] != '!' && tag.back() != '/';
    if (!opening) continue;
    std::string_view name = tag.substr(0, tag.find_first_of(" \t\r\n"));
    if (!is_secret_name(name)) continue;
    size_t end = xml.find("</" + std::string(name), pos);
    if (end == std::string_view::npos) continue;
    out += kRedacted;
    pos = end;
  }
  out += xml.substr(std::min(pos, xml.size()));
  return out;
}

std::string format_request(const HttpRequest& request) {
  std::string out = "> " + request.method + " ";
  auto q = request.url.find('?');
  out += q == std::string::npos
             ? request.url
             : request.url.substr(0, q + 1) + redact_form(request.url.substr(q + 1));
  for (const auto& [name, value] : request.headers) {
    out += "\n> " + name + ": " + redact_header(name, value);
  }
  if (!request.body.empty()) out += "\n> " + cut(redact_body(request.body));
  return out;
}

std::string format_response(const HttpResponse& response) {
  std::string out = "< " + std::to_string(response.status);
  for (const auto& [name, value] : response.headers) {
    out += "\n< " + name + ": " + redact_header(name, value);
  }
  if (!response.body.empty()) {
    out += "\n< " + cut(looks_like_json(response.body) || looks_like_xml(response.body)
                             ? redact_body(response.body)
                             : std::string(response.body));
  }
  return out;
}

}  // namespace ec2::http
