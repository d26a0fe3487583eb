#pragma once
/// Errors as values: every fallible libec2 call returns an ec2::Result<T> carrying one of these.

#include <string>
#include <string_view>

namespace ec2 {

/// What kind of failure an Error is. Retry policies and error handlers decide on this, not on text.
enum class ErrorCategory {
  Client,      ///< The request was wrong (4xx from AWS, bad parameter, DryRun refusal).
  NotFound,    ///< The named resource does not exist (`*.NotFound`, `*.Malformed` ids excluded).
  Throttling,  ///< AWS asked us to slow down (RequestLimitExceeded, Throttling, SlowDown, ...).
  Transient,   ///< A server-side fault worth retrying (InternalError, HTTP 500/502/503/504).
  Auth,        ///< Credentials rejected or missing (AuthFailure, SignatureDoesNotMatch, ...).
  Network,     ///< The request never got an HTTP answer (connection refused/reset, DNS, TLS).
  Timeout,     ///< Connect or read timeout, or a waiter that ran out of time.
  Config,      ///< Local configuration is missing or malformed (no region, bad config file).
  Parse,       ///< A response could not be understood (malformed XML, missing element).
  Io,          ///< A local file operation failed.
};

/// Short lowercase name of a category ("throttling", "not-found", ...).
std::string_view to_string(ErrorCategory category);

/// One failure. For AWS errors `code`, `message` and `request_id` come from the error document.
struct Error {
  ErrorCategory category = ErrorCategory::Client;
  std::string code;        ///< AWS error code, or a local code such as "NoRegion".
  std::string message;     ///< Human-readable explanation.
  int http_status = 0;     ///< HTTP status of the response, 0 when there was none.
  std::string request_id;  ///< AWS request id, empty when there was none.
  std::string context;     ///< What was being attempted, e.g. "describe instances".

  /// True for throttling, transient, network and timeout errors.
  bool retryable() const;
  /// Returns a copy whose context is `what` (used as `Failed to <what>: ...`).
  Error with_context(std::string what) const;
};

/// One line: `Failed to describe instances: InvalidInstanceID.NotFound: The instance ID 'i-1'
/// does not exist (request 5e1c...)`. Parts that are empty are left out.
std::string to_string(const Error& error);

/// Classifies an AWS error code (and HTTP status) the way the SDKs do.
ErrorCategory categorize(std::string_view code, int http_status);

/// Builds an Error of a local kind (no HTTP status, no request id).
Error make_error(ErrorCategory category, std::string code, std::string message);

}  // namespace ec2
