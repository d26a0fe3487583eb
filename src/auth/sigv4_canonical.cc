// Canonicalisation steps of SigV4: URI, query, headers and the canonical request.
#include <algorithm>
#include <utility>
#include <vector>

#include "auth/crypto.h"
#include "auth/sigv4_internal.h"
#include "ec2/sigv4.h"

namespace ec2::sigv4 {
namespace detail {
namespace {

constexpr char kHexUpper[] = "0123456789ABCDEF";

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// One query parameter, encoded canonically.
struct Param {
  std::string key;
  std::string value;
};

}  // namespace

void append_uri_encoded(std::string& out, std::string_view s, bool keep_slash) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c) || (keep_slash && c == '/')) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHexUpper[c >> 4]);
      out.push_back(kHexUpper[c & 0xf]);
    }
  }
}

void append_normalized_path(std::string& out, std::string_view path) {
  if (path.empty()) {
    out.push_back('/');
    return;
  }
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = slash + 1;
  }
  if (path.front() == '/') out.push_back('/');
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) out.push_back('/');
    out.append(segments[i]);
  }
  if (path.back() == '/' && !segments.empty()) out.push_back('/');
}

void append_canonical_uri(std::string& out, std::string_view path, bool normalize) {
  if (path.empty() || path == "/") {
    out.push_back('/');
    return;
  }
  if (!normalize) {
    append_uri_encoded(out, path, true);
    return;
  }
  std::string normalized;
  append_normalized_path(normalized, path);
  append_uri_encoded(out, normalized, true);
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]);
      int lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

void append_canonical_query(std::string& out, std::string_view query) {
  if (query.empty()) return;
  std::vector<Param> params;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    Param p;
    append_uri_encoded(p.key, percent_decode(key), false);
    if (p.key == "X-Amz-Signature") continue;
    append_uri_encoded(p.value, percent_decode(value), false);
    params.push_back(std::move(p));
  }
  std::sort(params.begin(), params.end(), [](const Param& a, const Param& b) {
    return a.key != b.key ? a.key < b.key : a.value < b.value;
  });
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0) out.push_back('&');
    out += params[i].key;
    out.push_back('=');
    out += params[i].value;
  }
}

void append_header_value(std::string& out, std::string_view value) {
  size_t b = 0, e = value.size();
  while (b < e && is_space(value[b])) ++b;
  while (e > b && is_space(value[e - 1])) --e;
  bool in_space = false;
  for (size_t i = b; i < e; ++i) {
    if (is_space(value[i])) {
      in_space = true;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.push_back(value[i]);
  }
}

void lowercase_into(std::string& out, std::string_view name) {
  out.assign(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

bool is_unsigned_header(std::string_view n) {
  return n == "authorization" || n == "user-agent" || n == "expect" || n == "x-amzn-trace-id" ||
         n == "connection" || n == "transfer-encoding" || n == "keep-alive" ||
         n == "proxy-authorization" || n == "te" || n == "upgrade";
}

void append_scope(std::string& out, std::string_view date, std::string_view region,
                  std::string_view service) {
  out.append(date).append("/").append(region).append("/").append(service).append("/aws4_request");
}

void write_amz_date(char* out, std::chrono::system_clock::time_point time) {
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): no locale, no tm.
  long long secs = std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
  long long days = secs / 86400, rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long day = doy - (153 * mp + 2) / 5 + 1;
  long long month = mp < 10 ? mp + 3 : mp - 9;
  long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  auto put = [&out](long long v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
    out += width;
  };
  put(year, 4);
  put(month, 2);
  put(day, 2);
  *out++ = 'T';
  put(rem / 3600, 2);
  put(rem / 60 % 60, 2);
  put(rem % 60, 2);
  *out = 'Z';
}

}  // namespace detail

std::string Scope::to_string() const {
  std::string out;
  detail::append_scope(out, date, region, service);
  return out;
}

Result<UrlParts> split_url(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) {
    return make_error(ErrorCategory::Client, "InvalidURL",
                      "not an absolute URL (expected scheme://host/path): '" + std::string(url) + "'");
  }
  UrlParts parts;
  parts.scheme = url.substr(0, scheme_end);
  std::string_view rest = url.substr(scheme_end + 3);
  size_t fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  size_t auth_end = rest.find_first_of("/?");
  parts.authority = rest.substr(0, auth_end);
  if (parts.authority.empty()) {
    return make_error(ErrorCategory::Client, "InvalidURL", "URL has no host: '" + std::string(url) + "'");
  }
  rest = auth_end == std::string_view::npos ? std::string_view{} : rest.substr(auth_end);
  size_t q = rest.find('?');
  parts.path = rest.substr(0, q);
  if (q != std::string_view::npos) parts.query = rest.substr(q + 1);
  if (parts.path.empty()) parts.path = "/";
  return parts;
}

std::string format_amz_date(std::chrono::system_clock::time_point time) {
  std::string out(16, '\0');
  detail::write_amz_date(out.data(), time);
  return out;
}

std::string canonical_uri(std::string_view path, bool normalize) {
  std::string out;
  detail::append_canonical_uri(out, path, normalize);
  return out;
}

std::string canonical_query(std::string_view query) {
  std::string out;
  detail::append_canonical_query(out, query);
  return out;
}

Result<std::string> canonical_headers(const Headers& headers,
                                      const std::vector<std::string>& signed_headers) {
  std::string out;
  std::string lower;
  for (const std::string& name : signed_headers) {
    out += name;
    out.push_back(':');
    bool found = false;
    for (const auto& [key, value] : headers) {
      detail::lowercase_into(lower, key);
      if (lower != name) continue;
      if (found) out.push_back(',');
      detail::append_header_value(out, value);
      found = true;
    }
    if (!found) {
      return make_error(ErrorCategory::Auth, "SignatureDoesNotMatch",
                        "signed header '" + name + "' is not present in the request");
    }
    out.push_back('\n');
  }
  return out;
}

Result<std::string> canonical_request(const RequestView& request,
                                      const std::vector<std::string>& signed_headers,
                                      std::string_view payload_hash, bool normalize_path) {
  static const Headers kNoHeaders;
  auto headers = canonical_headers(request.headers ? *request.headers : kNoHeaders, signed_headers);
  if (!headers) return headers.error();
  std::string out;
  out.reserve(256 + headers->size());
  out.append(request.method).push_back('\n');
  detail::append_canonical_uri(out, request.path, normalize_path);
  out.push_back('\n');
  detail::append_canonical_query(out, request.query);
  out.push_back('\n');
  out += *headers;
  out.push_back('\n');
  for (size_t i = 0; i < signed_headers.size(); ++i) {
    if (i > 0) out.push_back(';');
    out += signed_headers[i];
  }
  out.push_back('\n');
  out.append(payload_hash);
  return out;
}

std::string sha256_hex(std::string_view data) { return crypto::hex(crypto::sha256(data)); }

}  // namespace ec2::sigv4
