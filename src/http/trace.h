#pragma once
/// Human-readable HTTP trace lines for `--debug`, with credentials and secrets redacted:
/// the Authorization signature, session tokens, secret-looking form fields and XML elements
/// (secret keys, passwords, private key material) never reach the trace.

#include <string>
#include <string_view>

#include "ec2/http.h"

namespace ec2::http {

/// Replaces every byte sequence that must not be shown.
inline constexpr std::string_view kRedacted = "<redacted>";

/// True for names that look like they carry a secret (secret, password, token of a session,
/// bearer or metadata token, a bare `Token`, signature, private key material). Case-insensitive;
/// `NextToken`/`ClientToken` are not secret.
bool is_secret_name(std::string_view name);

/// The header value as it may be shown: Authorization keeps its credential scope and signed
/// header list but loses the signature; secret-looking headers are fully redacted.
std::string redact_header(std::string_view name, std::string_view value);

/// A form body (`a=b&c=d`) or URL query with secret-looking parameters' values redacted.
std::string redact_form(std::string_view form);

/// An XML body with the text of secret-looking elements (`<keyMaterial>`, `<secretAccessKey>`,
/// `<password>`, ...) redacted.
std::string redact_xml(std::string_view xml);

/// A JSON body (SSO, SSO-OIDC, container and instance metadata answers) with the string values
/// of secret-looking keys (`secretAccessKey`, `accessToken`, `Token`, ...) redacted, at any depth;
/// text that does not parse as JSON is fully redacted.
std::string redact_json(std::string_view json);

/// Trace lines for a request (`> POST url`, `> Header: value`, body) joined with newlines.
std::string format_request(const HttpRequest& request);

/// Trace lines for a response (`< 200`, `< Header: value`, body, truncated when very long).
std::string format_response(const HttpResponse& response);

}  // namespace ec2::http
