#pragma once
/// Appending building blocks shared by the signer and the verifier. They write into a caller's
/// buffer so the signing hot path reuses memory instead of allocating.

#include <chrono>
#include <string>
#include <string_view>

#include "ec2/http.h"

namespace ec2::sigv4::detail {

/// Appends `s` percent-encoded: unreserved characters (A-Z a-z 0-9 - _ . ~) stay, and '/' too
/// when `keep_slash`; everything else becomes %XY (uppercase hex).
void append_uri_encoded(std::string& out, std::string_view s, bool keep_slash);

/// Appends `path` with dot segments and repeated slashes removed (as the AWS SDKs do).
void append_normalized_path(std::string& out, std::string_view path);

/// Appends the canonical URI of `path`.
void append_canonical_uri(std::string& out, std::string_view path, bool normalize);

/// Appends the canonical query of `query` (X-Amz-Signature left out).
void append_canonical_query(std::string& out, std::string_view query);

/// Appends a header value trimmed, with each inner run of whitespace collapsed to one space.
void append_header_value(std::string& out, std::string_view value);

/// Lowercases ASCII `name` into `out` (replacing its contents).
void lowercase_into(std::string& out, std::string_view name);

/// Whether a header is never signed (user agent, hop-by-hop headers, the signature itself).
bool is_unsigned_header(std::string_view lowercase_name);

/// Percent-decodes `s` (malformed escapes are kept literally).
std::string percent_decode(std::string_view s);

/// Writes `YYYYMMDDTHHMMSSZ` (16 characters, no terminator) for `time` in UTC.
void write_amz_date(char* out, std::chrono::system_clock::time_point time);

/// Appends `amz_date`'s scope line `YYYYMMDD/region/service/aws4_request`.
void append_scope(std::string& out, std::string_view date, std::string_view region,
                  std::string_view service);

}  // namespace ec2::sigv4::detail
