#include "ec2/error.h"

#include <array>

namespace ec2 {
namespace {

constexpr std::array kThrottlingCodes = {
    "Throttling",           "ThrottlingException",       "ThrottledException",
    "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled",        "SlowDown",
    "PriorRequestNotComplete", "EC2ThrottledException",
};

constexpr std::array kTransientCodes = {
    "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
    "ServiceUnavailable", "Unavailable", "IDPCommunicationError",
};

constexpr std::array kAuthCodes = {
    "AuthFailure", "SignatureDoesNotMatch", "IncompleteSignature", "RequestExpired",
    "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException",
    "MissingAuthenticationToken", "OptInRequired", "UnauthorizedOperation", "AccessDenied",
};

template <class List>
bool contains(const List& list, std::string_view code) {
  for (std::string_view c : list) {
    if (c == code) return true;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view to_string(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::Client: return "client";
    case ErrorCategory::NotFound: return "not-found";
    case ErrorCategory::Throttling: return "throttling";
    case ErrorCategory::Transient: return "transient";
    case ErrorCategory::Auth: return "auth";
    case ErrorCategory::Network: return "network";
    case ErrorCategory::Timeout: return "timeout";
    case ErrorCategory::Config: return "config";
    case ErrorCategory::Parse: return "parse";
    case ErrorCategory::Io: return "io";
  }
  return "unknown";
}

bool Error::retryable() const {
  return category == ErrorCategory::Throttling || category == ErrorCategory::Transient ||
         category == ErrorCategory::Network || category == ErrorCategory::Timeout;
}

Error Error::with_context(std::string what) const {
  Error copy = *this;
  copy.context = std::move(what);
  return copy;
}

std::string to_string(const Error& error) {
  std::string out;
  if (!error.context.empty()) out += "Failed to " + error.context + ": ";
  if (!error.code.empty()) out += error.code + ": ";
  out += error.message.empty() ? std::string("unknown error") : error.message;
  if (!error.request_id.empty()) out += " (request " + error.request_id + ")";
  return out;
}

ErrorCategory categorize(std::string_view code, int http_status) {
  if (contains(kThrottlingCodes, code)) return ErrorCategory::Throttling;
  if (contains(kTransientCodes, code)) return ErrorCategory::Transient;
  if (contains(kAuthCodes, code)) return ErrorCategory::Auth;
  if (ends_with(code, ".NotFound") || ends_with(code, "NotFound")) return ErrorCategory::NotFound;
  if (http_status == 429) return ErrorCategory::Throttling;
  if (http_status == 500 || http_status == 502 || http_status == 503 || http_status == 504) {
    return ErrorCategory::Transient;
  }
  return ErrorCategory::Client;
}

Error make_error(ErrorCategory category, std::string code, std::string message) {
  Error e;
  e.category = category;
  e.code = std::move(code);
  e.message = std::move(message);
  return e;
}

}  // namespace ec2
