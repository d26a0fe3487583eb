// SigV4 signing: string to sign, signing keys, and the two ways of attaching a signature
// (Authorization header, presigned query).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "auth/crypto.h"
#include "auth/sigv4_internal.h"
#include "ec2/sigv4.h"

namespace ec2 {
namespace sigv4 {
namespace {

/// Per-thread buffers of the signing hot path, reused so a signature costs no allocation once warm.
struct Scratch {
  std::string canonical;
  std::string to_sign;
  std::string signed_list;
  std::vector<std::string> names;
  std::vector<size_t> order;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

/// A small per-thread cache of derived signing keys (a fan-out over regions uses a few at once).
struct KeyCache {
  struct Entry {
    std::string secret, date, region, service;
    SigningKey key{};
    bool valid = false;
  };
  Entry entries[4];
  size_t next = 0;
};

SigningKey derive_uncached(std::string_view secret, std::string_view date, std::string_view region,
                           std::string_view service) {
  std::string k_secret = "AWS4";
  k_secret.append(secret);
  auto as_view = [](const crypto::Digest& d) {
    return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
  };
  auto k_date = crypto::hmac_sha256(k_secret, date);
  auto k_region = crypto::hmac_sha256(as_view(k_date), region);
  auto k_service = crypto::hmac_sha256(as_view(k_region), service);
  return crypto::hmac_sha256(as_view(k_service), "aws4_request");
}

/// The signing key for a scope, from this thread's cache when it was derived before.
const SigningKey& cached_signing_key(std::string_view secret, std::string_view date,
                                     std::string_view region, std::string_view service) {
  thread_local KeyCache cache;
  for (auto& e : cache.entries) {
    if (e.valid && e.date == date && e.region == region && e.service == service &&
        crypto::constant_time_equal(e.secret, secret)) {
      return e.key;
    }
  }
  auto& e = cache.entries[cache.next];
  cache.next = (cache.next + 1) % std::size(cache.entries);
  e.secret.assign(secret);
  e.date.assign(date);
  e.region.assign(region);
  e.service.assign(service);
  e.key = derive_uncached(secret, date, region, service);
  e.valid = true;
  return e.key;
}

/// Appends the canonical header block of every signable header of `headers` (except index
/// `skip`) to `s.canonical`, and their `;`-joined names to `s.signed_list`.
void append_signable_headers(Scratch& s, const Headers& headers, size_t skip) {
  if (s.names.size() < headers.size()) s.names.resize(headers.size());
  s.order.clear();
  for (size_t i = 0; i < headers.size(); ++i) {
    detail::lowercase_into(s.names[i], headers[i].first);
    if (i != skip && !detail::is_unsigned_header(s.names[i])) s.order.push_back(i);
  }
  // Insertion sort: stable, and unlike std::stable_sort it needs no temporary buffer.
  for (size_t i = 1; i < s.order.size(); ++i) {
    size_t v = s.order[i], j = i;
    for (; j > 0 && s.names[v] < s.names[s.order[j - 1]]; --j) s.order[j] = s.order[j - 1];
    s.order[j] = v;
  }
  s.signed_list.clear();
  for (size_t k = 0; k < s.order.size(); ++k) {
    const std::string& name = s.names[s.order[k]];
    if (k > 0 && name == s.names[s.order[k - 1]]) {
      s.canonical.push_back(',');
    } else {
      if (k > 0) s.canonical.push_back('\n');
      if (!s.signed_list.empty()) s.signed_list.push_back(';');
      s.signed_list += name;
      s.canonical += name;
      s.canonical.push_back(':');
    }
    detail::append_header_value(s.canonical, headers[s.order[k]].second);
  }
  if (!s.order.empty()) s.canonical.push_back('\n');
}

/// Builds the canonical request into `s.canonical` and the string to sign into `s.to_sign`, and
/// returns the signature. `date` is the 16-character X-Amz-Date value.
crypto::Digest sign_canonical(Scratch& s, std::string_view method, const UrlParts& url,
                              std::string_view query, const Headers& headers, size_t skip_header,
                              std::string_view payload_hash, std::string_view date,
                              const SigningParams& params) {
  s.canonical.clear();
  s.canonical.append(method).push_back('\n');
  detail::append_canonical_uri(s.canonical, url.path, params.normalize_path);
  s.canonical.push_back('\n');
  detail::append_canonical_query(s.canonical, query);
  s.canonical.push_back('\n');
  append_signable_headers(s, headers, skip_header);
  s.canonical.push_back('\n');
  s.canonical += s.signed_list;
  s.canonical.push_back('\n');
  s.canonical.append(payload_hash);

  std::string_view day = date.substr(0, 8);
  s.to_sign.clear();
  s.to_sign.append(kAlgorithm).push_back('\n');
  s.to_sign.append(date).push_back('\n');
  detail::append_scope(s.to_sign, day, params.region, params.service);
  s.to_sign.push_back('\n');
  crypto::append_hex(s.to_sign, crypto::sha256(s.canonical));
  const SigningKey& key =
      cached_signing_key(params.credentials.secret_access_key, day, params.region, params.service);
  return crypto::hmac_sha256(key, s.to_sign);
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

void remove_headers(Headers& headers, std::initializer_list<std::string_view> names) {
  std::erase_if(headers, [&](const auto& h) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return iequals(h.first, n); });
  });
}

/// Adds `Host` from the URL when the request has none (default ports left out, as clients do).
void ensure_host(Headers& headers, const UrlParts& url) {
  if (find_header(headers, "host") != nullptr) return;
  std::string_view host = url.authority;
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host = host.substr(at + 1);
  if ((url.scheme == "https" && host.ends_with(":443")) || (url.scheme == "http" && host.ends_with(":80"))) {
    host = host.substr(0, host.rfind(':'));
  }
  headers.insert(headers.begin(), {"Host", std::string(host)});
}

Status check_params(const SigningParams& params) {
  if (params.credentials.access_key_id.empty() || params.credentials.secret_access_key.empty()) {
    return make_error(ErrorCategory::Auth, "NoCredentials",
                      "cannot sign the request: the access key id or secret access key is empty");
  }
  if (params.region.empty() || params.service.empty()) {
    return make_error(ErrorCategory::Config, "NoRegion",
                      "cannot sign the request: no region or service to scope the signature to");
  }
  return {};
}

}  // namespace

std::string string_to_sign(std::string_view amz_date, const Scope& scope,
                           std::string_view canonical_request) {
  std::string out;
  out.reserve(128);
  out.append(kAlgorithm).push_back('\n');
  out.append(amz_date).push_back('\n');
  detail::append_scope(out, scope.date, scope.region, scope.service);
  out.push_back('\n');
  crypto::append_hex(out, crypto::sha256(canonical_request));
  return out;
}

SigningKey derive_signing_key(std::string_view secret_access_key, const Scope& scope) {
  return cached_signing_key(secret_access_key, scope.date, scope.region, scope.service);
}

std::string signature(const SigningKey& key, std::string_view string_to_sign) {
  return crypto::hex(crypto::hmac_sha256(key, string_to_sign));
}

}  // namespace sigv4

Status sign_request(HttpRequest& request, const SigningParams& params) {
  EC2_TRY(sigv4::check_params(params));
  auto url = sigv4::split_url(request.url);
  if (!url) return url.error();
  Headers& headers = request.headers;
  sigv4::remove_headers(headers, {"authorization", "x-amz-date", "x-amz-security-token"});
  if (params.sign_body) sigv4::remove_headers(headers, {"x-amz-content-sha256"});
  headers.reserve(headers.size() + 5);
  sigv4::ensure_host(headers, *url);

  char date[16];
  sigv4::detail::write_amz_date(date, params.time);
  const std::string_view amz_date(date, sizeof date);
  size_t token_index = SIZE_MAX;
  if (!params.credentials.session_token.empty()) {
    token_index = headers.size();
    headers.emplace_back("X-Amz-Security-Token", params.credentials.session_token);
  }
  headers.emplace_back("X-Amz-Date", amz_date);
  char hash[64];
  crypto::write_hex(hash, crypto::sha256(request.body));
  const std::string_view payload_hash(hash, sizeof hash);
  if (params.sign_body) headers.emplace_back("x-amz-content-sha256", payload_hash);

  auto& s = sigv4::scratch();
  size_t skip = params.omit_session_token ? token_index : SIZE_MAX;
  crypto::Digest sig = sigv4::sign_canonical(s, request.method, *url, url->query, headers, skip,
                                             payload_hash, amz_date, params);
  std::string auth;
  auth.reserve(200 + s.signed_list.size() + params.credentials.access_key_id.size() + params.region.size());
  auth.append(sigv4::kAlgorithm).append(" Credential=").append(params.credentials.access_key_id);
  auth.push_back('/');
  sigv4::detail::append_scope(auth, amz_date.substr(0, 8), params.region, params.service);
  auth.append(", SignedHeaders=").append(s.signed_list).append(", Signature=");
  crypto::append_hex(auth, sig);
  headers.emplace_back("Authorization", std::move(auth));
  return {};
}

Status presign_request(HttpRequest& request, const SigningParams& params,
                       std::chrono::seconds expires) {
  EC2_TRY(sigv4::check_params(params));
  if (expires.count() < 1 || expires.count() > 7 * 24 * 3600) {
    return make_error(ErrorCategory::Client, "InvalidExpires",
                      "presigned URLs must expire after 1 second to 7 days (604800 seconds)");
  }
  auto url = sigv4::split_url(request.url);
  if (!url) return url.error();
  sigv4::ensure_host(request.headers, *url);

  const std::string amz_date = sigv4::format_amz_date(params.time);
  auto& s = sigv4::scratch();
  // The signed header list goes into the query, so compute it first.
  s.canonical.clear();
  sigv4::append_signable_headers(s, request.headers, SIZE_MAX);

  std::string query(url->query);
  auto add = [&](std::string_view key, std::string_view value) {
    if (!query.empty()) query.push_back('&');
    query.append(key).push_back('=');
    sigv4::detail::append_uri_encoded(query, value, false);
  };
  std::string credential = params.credentials.access_key_id + "/";
  sigv4::detail::append_scope(credential, std::string_view(amz_date).substr(0, 8), params.region,
                              params.service);
  add("X-Amz-Algorithm", sigv4::kAlgorithm);
  add("X-Amz-Credential", credential);
  add("X-Amz-Date", amz_date);
  add("X-Amz-SignedHeaders", s.signed_list);
  add("X-Amz-Expires", std::to_string(expires.count()));
  const std::string& token = params.credentials.session_token;
  if (!token.empty() && !params.omit_session_token) add("X-Amz-Security-Token", token);

  std::string payload_hash = sigv4::sha256_hex(request.body);
  crypto::Digest sig = sigv4::sign_canonical(s, request.method, *url, query, request.headers, SIZE_MAX,
                                             payload_hash, amz_date, params);
  if (!token.empty() && params.omit_session_token) add("X-Amz-Security-Token", token);
  add("X-Amz-Signature", crypto::hex(sig));
  std::string new_url;
  new_url.append(url->scheme).append("://").append(url->authority).append(url->path);
  new_url.push_back('?');
  new_url += query;
  request.url = std::move(new_url);
  return {};
}

}  // namespace ec2
