#pragma once
/// AWS Signature Version 4: header signing and query (presigned) signing, plus the building blocks
/// a server needs to verify a signature (canonical request, string to sign, signing key).

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ec2/config.h"
#include "ec2/http.h"
#include "ec2/result.h"

namespace ec2 {

/// Who signs, for which region/service, at what time, and how.
struct SigningParams {
  Credentials credentials;
  std::string region;
  std::string service = "ec2";
  std::chrono::system_clock::time_point time;
  /// Remove `.`/`..` segments and repeated slashes from the path before signing (every service
  /// but S3 does this).
  bool normalize_path = true;
  /// Add and sign an `x-amz-content-sha256` header carrying the body's hash.
  bool sign_body = false;
  /// Add the session token after signing, so it is sent but not signed (some services want this).
  bool omit_session_token = false;
};

/// Signs `request` in place with the Authorization header: adds `X-Amz-Date`, `Host` when missing,
/// and `X-Amz-Security-Token` when the credentials carry a session token. Signing again (a retry)
/// replaces the previous signature headers. Every header present is signed except `User-Agent`,
/// `Expect`, `X-Amzn-Trace-Id` and hop-by-hop headers, so add headers a proxy may rewrite after
/// signing.
Status sign_request(HttpRequest& request, const SigningParams& params);

/// Presigns `request` in place: appends `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
/// `X-Amz-SignedHeaders`, `X-Amz-Expires` (`expires`, 1 s to 7 days), `X-Amz-Security-Token` and
/// `X-Amz-Signature` to the URL's query. Headers are left alone (only `Host` is added if missing).
Status presign_request(HttpRequest& request, const SigningParams& params,
                       std::chrono::seconds expires);

namespace sigv4 {

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

/// A request as a client is about to send it or as a server received it. `path` and `query` are
/// as on the wire (not percent-decoded); `query` has no leading '?'.
struct RequestView {
  std::string_view method;
  std::string_view path;
  std::string_view query;
  const Headers* headers = nullptr;
  std::string_view body;
};

/// Splits an absolute URL (`https://host:port/path?query`) into a RequestView's parts.
struct UrlParts {
  std::string_view scheme;
  std::string_view authority;  ///< `host` or `host:port`, as written.
  std::string_view path;       ///< `/` when the URL has none.
  std::string_view query;
};
Result<UrlParts> split_url(std::string_view url);

/// The credential scope `date/region/service/aws4_request`.
struct Scope {
  std::string date;  ///< `YYYYMMDD`
  std::string region;
  std::string service;
  std::string to_string() const;
};

/// What a signed request claims: from an `Authorization: AWS4-HMAC-SHA256 Credential=…,
/// SignedHeaders=…, Signature=…` header or from presigned `X-Amz-*` query parameters.
struct Authorization {
  std::string access_key_id;
  Scope scope;
  std::vector<std::string> signed_headers;  ///< Lowercase, in the order given.
  std::string signature;                    ///< Lowercase hex.
  std::string amz_date;                     ///< `YYYYMMDDTHHMMSSZ`; empty if not known yet.
  bool presigned = false;                   ///< True when it came from the query string.
  long expires_seconds = 0;                 ///< `X-Amz-Expires` of a presigned request.
};

/// Parses an Authorization header value. Errors (category Auth, code `IncompleteSignature`)
/// name what is missing or garbled.
Result<Authorization> parse_authorization_header(std::string_view value);

/// Finds the signature of a received request: the Authorization header (with `amz_date` from the
/// `X-Amz-Date` header) or presigned query parameters. Errors: `MissingAuthenticationToken` when
/// the request carries neither, `IncompleteSignature` when what it carries is garbled.
Result<Authorization> parse_request_authorization(const RequestView& request);

/// `YYYYMMDDTHHMMSSZ` for `time` (UTC).
std::string format_amz_date(std::chrono::system_clock::time_point time);

/// Canonical URI: `path` (already normalised or not, see `normalize`) percent-encoded per segment.
std::string canonical_uri(std::string_view path, bool normalize);

/// Canonical query string: parameters percent-decoded, re-encoded with SigV4's rules, sorted by
/// key then value. `X-Amz-Signature` is left out (it cannot sign itself).
std::string canonical_query(std::string_view query);

/// Canonical header block (`name:value\n` per signed header, values trimmed and inner runs of
/// whitespace collapsed, repeated headers joined with ','). `signed_headers` must be lowercase
/// and sorted. Errors when a signed header is absent from `headers`.
Result<std::string> canonical_headers(const Headers& headers,
                                      const std::vector<std::string>& signed_headers);

/// The full canonical request: method, URI, query, headers, signed header list, payload hash.
Result<std::string> canonical_request(const RequestView& request,
                                      const std::vector<std::string>& signed_headers,
                                      std::string_view payload_hash, bool normalize_path);

/// `AWS4-HMAC-SHA256\n<amz_date>\n<scope>\n<hex sha256(canonical_request)>`.
std::string string_to_sign(std::string_view amz_date, const Scope& scope,
                           std::string_view canonical_request);

using SigningKey = std::array<std::uint8_t, 32>;

/// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
/// Keys are cached per (secret, date, region, service) in each thread.
SigningKey derive_signing_key(std::string_view secret_access_key, const Scope& scope);

/// Hex HMAC-SHA256 of `string_to_sign` under `key`.
std::string signature(const SigningKey& key, std::string_view string_to_sign);

/// Lowercase hex SHA-256 of `data` (the payload hash).
std::string sha256_hex(std::string_view data);

/// The signature `request` should carry according to `auth` (from parse_request_authorization)
/// when signed with `secret_access_key`. The payload hash is the `x-amz-content-sha256` header
/// when present, otherwise the SHA-256 of the body.
Result<std::string> expected_signature(const RequestView& request, const Authorization& auth,
                                       std::string_view secret_access_key,
                                       bool normalize_path = true);

/// Verifies `request` against `auth` and `secret_access_key` in constant time. Error
/// `SignatureDoesNotMatch` (category Auth) when it does not match.
Status verify_signature(const RequestView& request, const Authorization& auth,
                        std::string_view secret_access_key, bool normalize_path = true);

}  // namespace sigv4
}  // namespace ec2
