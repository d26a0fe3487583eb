#pragma once
/// Turns HTTP requests into EC2 calls and answers: parses the Query parameters (form body and query
/// string), resolves the region, runs the pre-routing hooks (authentication, fault injection), takes
/// the World lock, runs due lifecycle events, calls the action's handler and persists mutations.
/// Independent of the HTTP library so tests and benchmarks can drive it directly.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "ec2/http.h"
#include "ec2/result.h"
#include "registry.h"
#include "world.h"

namespace ec2::emu {

/// An HTTP request as received.
struct HttpCall {
  std::string method = "POST";
  std::string path = "/";
  std::string query;  ///< Raw query string without '?'.
  ec2::Headers headers;
  std::string body;
  std::string remote_addr = "127.0.0.1";
};

/// What to send back.
struct HttpReply {
  int status = 200;
  std::string content_type = "text/xml;charset=UTF-8";
  std::string body;
  ec2::Headers headers;  ///< Extra response headers.
  TransportFault fault = TransportFault::None;
  Duration delay{0};  ///< Sleep this long before answering (added latency).
};

/// Runs before routing. Returning an error answers the call with it (e.g. AuthFailure); hooks may
/// also set `call.region`, `call.access_key`, `call.transport_fault`, `call.delay`.
using Hook = std::function<Status(Call& call, const HttpCall& http)>;
/// Answers `/_emulator/...` requests (never reachable by EC2 actions, which are POST/GET on `/`).
using ControlHandler = std::function<HttpReply(const HttpCall& http)>;
/// Makes the World durable after a successful mutation; runs with the World lock held.
using Persister = std::function<Status()>;

/// Counters shown by the control endpoint's stats.
struct DispatchStats {
  uint64_t requests = 0;
  std::map<std::string, uint64_t> by_action;
  std::map<std::string, uint64_t> errors_by_code;
  /// The most EC2 requests served at once (added latency included): shows whether a client's
  /// requests overlap.
  uint64_t peak_in_flight = 0;
};

class Dispatcher {
 public:
  Dispatcher(World& world, const ActionRegistry& registry, std::string default_region = "us-east-1");

  /// Adds a pre-routing hook; hooks run in the order added.
  Dispatcher& add_hook(Hook hook);
  Dispatcher& set_control(ControlHandler control);
  Dispatcher& set_persister(Persister persister);
  /// Called with one line per request (`-v`): client, region, action, status, request id, body
  /// size and server time.
  Dispatcher& set_logger(std::function<void(const std::string&)> logger);

  /// Answers one HTTP request.
  HttpReply handle(const HttpCall& http);
  /// Passes `line` to the logger, if any (the other services on the port log through it).
  void log(const std::string& line) const {
    if (logger_) logger_(line);
  }

  /// The HTTP server calls these around serving one EC2 request, added latency included, for
  /// DispatchStats::peak_in_flight.
  void serving_started();
  void serving_finished();

  /// Counts a call answered elsewhere (STS, the SSO portal, SSO-OIDC) under `action`, e.g.
  /// "sts:AssumeRole", so tests can see which credential calls a client made.
  void count_service_call(const std::string& action, const std::string& error_code);

  /// A copy of the counters.
  DispatchStats stats() const;
  void reset_stats();

 private:
  HttpReply answer_call(Call& call, const HttpCall& http);
  HttpReply error_reply(const Error& error, const Call& call);
  void count(const Call& call, const Error* error);

  World& world_;
  const ActionRegistry& registry_;
  std::string default_region_;
  std::vector<Hook> hooks_;
  ControlHandler control_;
  Persister persister_;
  std::function<void(const std::string&)> logger_;
  mutable std::mutex stats_mutex_;
  DispatchStats stats_;
  uint64_t in_flight_ = 0;  ///< EC2 requests being served now (guarded by stats_mutex_).
  std::mutex id_mutex_;
  IdGenerator request_ids_;
};

/// The region named by a Host header like `ec2.eu-west-1.amazonaws.com`; empty when none.
std::string region_from_host(std::string_view host);
/// The region of the credential scope in an `Authorization: AWS4-HMAC-SHA256 Credential=…` header
/// (or an `X-Amz-Credential` query value); empty when none.
std::string region_from_credential(std::string_view credential_header);

}  // namespace ec2::emu
