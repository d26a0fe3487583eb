// Server side of SigV4: reading what a request claims and recomputing its signature.
#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include "auth/crypto.h"
#include "auth/sigv4_internal.h"
#include "ec2/sigv4.h"

namespace ec2::sigv4 {
namespace {

Error incomplete(std::string message) {
  return make_error(ErrorCategory::Auth, "IncompleteSignature", std::move(message));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_lower_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// Parses `AK/YYYYMMDD/region/service/aws4_request`.
Status parse_credential(std::string_view credential, Authorization& out) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t slash = credential.find('/', start);
    parts.push_back(credential.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 5 || parts[4] != "aws4_request") {
    return incomplete("Credential must have the form <access key>/<YYYYMMDD>/<region>/<service>/aws4_request, got '" +
                      std::string(credential) + "'");
  }
  if (parts[0].empty() || parts[2].empty() || parts[3].empty()) {
    return incomplete("Credential has an empty access key, region or service: '" + std::string(credential) + "'");
  }
  if (parts[1].size() != 8 || !all_digits(parts[1])) {
    return incomplete("Credential date must be YYYYMMDD, got '" + std::string(parts[1]) + "'");
  }
  out.access_key_id = parts[0];
  out.scope = Scope{std::string(parts[1]), std::string(parts[2]), std::string(parts[3])};
  return {};
}

/// Parses `a;b;c` into lowercase names; rejects empty names and uppercase letters.
Status parse_signed_headers(std::string_view list, Authorization& out) {
  out.signed_headers.clear();
  size_t start = 0;
  while (true) {
    size_t semi = list.find(';', start);
    std::string_view name = list.substr(start, semi - start);
    if (name.empty() || std::any_of(name.begin(), name.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || c == ' ' || c == ':' || c == ',';
        })) {
      return incomplete("SignedHeaders must be ';'-separated lowercase header names, got '" +
                        std::string(list) + "'");
    }
    out.signed_headers.emplace_back(name);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return {};
}

Status check_signature(std::string_view sig, Authorization& out) {
  if (sig.size() != 64 || !is_lower_hex(sig)) {
    return incomplete("Signature must be 64 lowercase hex digits, got '" + std::string(sig) + "'");
  }
  out.signature = sig;
  return {};
}

/// Finds query parameter `key` (exact, before decoding) and returns its decoded value.
std::optional<std::string> query_param(std::string_view query, std::string_view key) {
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(start, amp - start);
    size_t eq = pair.find('=');
    if (pair.substr(0, eq) == key) {
      return detail::percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    }
    start = amp + 1;
  }
  return std::nullopt;
}

Result<Authorization> parse_presigned(std::string_view query) {
  auto algorithm = query_param(query, "X-Amz-Algorithm");
  if (*algorithm != kAlgorithm) {
    return incomplete("Unsupported X-Amz-Algorithm '" + *algorithm + "', expected AWS4-HMAC-SHA256");
  }
  Authorization auth;
  auth.presigned = true;
  for (std::string_view key :
       {"X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires"}) {
    if (!query_param(query, key)) {
      return incomplete("Presigned request is missing the " + std::string(key) + " query parameter");
    }
  }
  EC2_TRY(parse_credential(*query_param(query, "X-Amz-Credential"), auth));
  EC2_TRY(parse_signed_headers(*query_param(query, "X-Amz-SignedHeaders"), auth));
  EC2_TRY(check_signature(*query_param(query, "X-Amz-Signature"), auth));
  auth.amz_date = *query_param(query, "X-Amz-Date");
  std::string expires = *query_param(query, "X-Amz-Expires");
  auto [ptr, ec] = std::from_chars(expires.data(), expires.data() + expires.size(), auth.expires_seconds);
  if (ec != std::errc() || ptr != expires.data() + expires.size() || auth.expires_seconds < 0) {
    return incomplete("X-Amz-Expires must be a number of seconds, got '" + expires + "'");
  }
  return auth;
}

bool valid_amz_date(std::string_view d) {
  return d.size() == 16 && all_digits(d.substr(0, 8)) && d[8] == 'T' && all_digits(d.substr(9, 6)) &&
         d[15] == 'Z';
}

}  // namespace

Result<Authorization> parse_authorization_header(std::string_view value) {
  value = trim(value);
  if (!value.starts_with(kAlgorithm) || value.size() == kAlgorithm.size() ||
      (value[kAlgorithm.size()] != ' ' && value[kAlgorithm.size()] != '\t')) {
    return incomplete("Authorization header must start with 'AWS4-HMAC-SHA256 ', got '" +
                      std::string(value.substr(0, 40)) + "'");
  }
  std::string_view rest = value.substr(kAlgorithm.size() + 1);
  std::optional<std::string_view> credential, signed_headers, sig;
  size_t start = 0;
  while (start <= rest.size()) {
    size_t comma = rest.find(',', start);
    if (comma == std::string_view::npos) comma = rest.size();
    std::string_view part = trim(rest.substr(start, comma - start));
    start = comma + 1;
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      return incomplete("Authorization header component '" + std::string(part) + "' is not key=value");
    }
    std::string_view key = trim(part.substr(0, eq));
    std::string_view val = trim(part.substr(eq + 1));
    if (key == "Credential") credential = val;
    else if (key == "SignedHeaders") signed_headers = val;
    else if (key == "Signature") sig = val;
  }
  std::string missing;
  if (!credential) missing += " Authorization header requires 'Credential' parameter.";
  if (!signed_headers) missing += " Authorization header requires 'SignedHeaders' parameter.";
  if (!sig) missing += " Authorization header requires 'Signature' parameter.";
  if (!missing.empty()) return incomplete(missing.substr(1));
  Authorization auth;
  EC2_TRY(parse_credential(*credential, auth));
  EC2_TRY(parse_signed_headers(*signed_headers, auth));
  EC2_TRY(check_signature(*sig, auth));
  return auth;
}

Result<Authorization> parse_request_authorization(const RequestView& request) {
  static const Headers kNoHeaders;
  const Headers& headers = request.headers ? *request.headers : kNoHeaders;
  if (const std::string* value = find_header(headers, "authorization")) {
    auto auth = parse_authorization_header(*value);
    if (!auth) return auth;
    const std::string* date = find_header(headers, "x-amz-date");
    if (date == nullptr) {
      return incomplete("Authorization header requires existence of a 'X-Amz-Date' header.");
    }
    auth->amz_date = *date;
    if (!valid_amz_date(auth->amz_date)) {
      return incomplete("X-Amz-Date must be YYYYMMDDTHHMMSSZ, got '" + auth->amz_date + "'");
    }
    return auth;
  }
  if (query_param(request.query, "X-Amz-Algorithm")) {
    auto auth = parse_presigned(request.query);
    if (auth && !valid_amz_date(auth->amz_date)) {
      return incomplete("X-Amz-Date must be YYYYMMDDTHHMMSSZ, got '" + auth->amz_date + "'");
    }
    return auth;
  }
  return make_error(ErrorCategory::Auth, "MissingAuthenticationToken",
                    "Request is missing Authentication Token");
}

Result<std::string> expected_signature(const RequestView& request, const Authorization& auth,
                                       std::string_view secret_access_key, bool normalize_path) {
  static const Headers kNoHeaders;
  const Headers& headers = request.headers ? *request.headers : kNoHeaders;
  const std::string* claimed_hash = find_header(headers, "x-amz-content-sha256");
  std::string payload_hash = claimed_hash ? *claimed_hash : sha256_hex(request.body);
  auto canonical = canonical_request(request, auth.signed_headers, payload_hash, normalize_path);
  if (!canonical) return canonical.error();
  std::string to_sign = string_to_sign(auth.amz_date, auth.scope, *canonical);
  return signature(derive_signing_key(secret_access_key, auth.scope), to_sign);
}

Status verify_signature(const RequestView& request, const Authorization& auth,
                        std::string_view secret_access_key, bool normalize_path) {
  auto expected = expected_signature(request, auth, secret_access_key, normalize_path);
  if (!expected) return expected.error();
  if (!crypto::constant_time_equal(*expected, auth.signature)) {
    return make_error(ErrorCategory::Auth, "SignatureDoesNotMatch",
                      "The request signature we calculated does not match the signature you provided. "
                      "Check your AWS Secret Access Key and signing method.");
  }
  return {};
}

}  // namespace ec2::sigv4
