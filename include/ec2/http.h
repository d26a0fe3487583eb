#pragma once
/// HTTP messages and the transport interface. The library talks HTTP only through HttpTransport,
/// so tests substitute a fake and the real one (libcurl) lives in src/http/curl_transport.cc.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ec2/result.h"

namespace ec2 {

/// Header list in wire order. Names compare case-insensitively (see `find_header`).
using Headers = std::vector<std::pair<std::string, std::string>>;

/// Returns the first value of header `name` (case-insensitive), or nullptr.
const std::string* find_header(const Headers& headers, std::string_view name);

/// An HTTP request. `url` is absolute (`https://ec2.us-east-1.amazonaws.com/?a=b`).
struct HttpRequest {
  std::string method = "POST";
  std::string url;
  Headers headers;
  std::string body;
};

/// An HTTP response as received (body already decompressed).
struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;
};

/// Settings for a transport. Defaults follow the AWS CLI.
struct TransportOptions {
  std::chrono::milliseconds connect_timeout{60'000};
  std::chrono::milliseconds read_timeout{60'000};
  std::string ca_bundle;   ///< PEM file of trusted CAs; empty means the system store.
  bool verify_tls = true;  ///< Never false unless the user explicitly asks.
  int max_connections = 32;  ///< Simultaneous connections `send_all` opens at most.
  /// Called with a redacted trace line per request/response when set (for `--debug`).
  std::function<void(std::string_view)> trace;
};

/// Sends HTTP requests. Network failures come back as Error{Network|Timeout}, never as exceptions;
/// any HTTP status (including 4xx/5xx) is a successful send.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends one request and waits for its response.
  virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
  /// Sends all requests concurrently; results are in request order.
  /// The default implementation sends them one after another.
  virtual std::vector<Result<HttpResponse>> send_all(const std::vector<HttpRequest>& requests);
};

/// The libcurl transport: keeps connections alive, accepts gzip, honours proxy env variables.
std::unique_ptr<HttpTransport> make_curl_transport(const TransportOptions& options = {});

}  // namespace ec2
