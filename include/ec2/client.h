#pragma once
/// The EC2 client: signs Query requests, sends them through an HttpTransport, retries per the
/// configured policy and parses EC2 XML (success documents and error documents).
/// Typed operations (include/ec2/ops/*.h) are free functions on top of `Client::call`.

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2/clock.h"
#include "ec2/config.h"
#include "ec2/http.h"
#include "ec2/query.h"
#include "ec2/result.h"
#include "ec2/retry.h"

namespace ec2 {

/// Sent as the User-Agent header of every request.
inline constexpr std::string_view kUserAgent = "ec2-toolkit/0.1.0";

/// Everything a Client is made of. Missing pieces get the real defaults.
struct ClientOptions {
  ResolvedConfig config;
  std::shared_ptr<HttpTransport> transport;  ///< default: make_curl_transport(config.ca_bundle)
  std::shared_ptr<Clock> clock;              ///< default: system_clock()
  std::shared_ptr<Random> random;            ///< default: default_random()
  std::shared_ptr<RetryPolicy> retry;        ///< default: from config.retry_mode / max_attempts
  RetryObserver on_retry;                    ///< Told about each retry (for --debug output).
  std::string user_agent_suffix;             ///< Appended to kUserAgent, e.g. "ec2-cli/0.1.0".
};

/// A client for one region and endpoint. Cheap to copy; copies share transport and retry quota.
class Client {
 public:
  explicit Client(ClientOptions options);

  /// Resolves configuration from overrides, environment and files, with the real transport.
  /// `transport` configures the curl transport; its ca_bundle defaults to the resolved one.
  /// Credential providers (STS, ...) use `services`; an empty transport factory there means curl
  /// transports with `transport`'s settings (timeouts, trace).
  static Result<Client> create(const ConfigOverrides& overrides = {},
                               const Environment& env = process_environment(),
                               TransportOptions transport = {}, CredentialServices services = {});

  const ResolvedConfig& config() const { return options_.config; }
  const std::string& region() const { return options_.config.region; }
  Clock& clock() const { return *options_.clock; }
  Random& random() const { return *options_.random; }
  HttpTransport& transport() const { return *options_.transport; }
  RetryPolicy& retry_policy() const { return *options_.retry; }
  /// What the client is made of (shared transport, clock and policy included), to make a client
  /// that differs in one piece, e.g. another retry policy or credentials provider.
  const ClientOptions& options() const { return options_; }

  /// The credentials requests are signed with now: from the config's credentials_provider
  /// (refreshed when they are about to expire), else the config's credentials.
  Result<Credentials> credentials() const;

  /// A client for another region sharing this one's transport. The endpoint becomes that
  /// region's default unless this client's endpoint was set explicitly.
  Client for_region(std::string region) const;

  /// Sends `action` with `params`, retrying per `retry` (or the client's policy when null).
  /// Errors carry the AWS code, message, HTTP status and request id.
  Result<XmlDocument> call(std::string_view action, const QueryParams& params,
                           RetryPolicy* retry = nullptr) const;

  /// Sends several calls concurrently through the transport's `send_all`, each retried on its
  /// own (a round of retries waits for the longest delay any of them asked for). A call with a
  /// `region` goes to `for_region(region)`, so one client fans out over many regions.
  /// Results are in the order of `calls`.
  struct Call {
    Call(std::string action, QueryParams params = {}, std::string region = {})
        : action(std::move(action)), params(std::move(params)), region(std::move(region)) {}
    std::string action;
    QueryParams params;
    std::string region;  ///< Empty: this client's region.
  };
  std::vector<Result<XmlDocument>> call_all(const std::vector<Call>& calls,
                                            RetryPolicy* retry = nullptr) const;

 private:
  /// The signed POST carrying `body` to this client's endpoint.
  Result<HttpRequest> signed_request(const std::string& body) const;
  /// One attempt: sign, send, interpret the response.
  Result<XmlDocument> attempt(const std::string& body) const;
  /// A call of `call_all` between attempts.
  struct Pending;
  /// One attempt of every pending call through a single `send_all`; outcomes in order.
  std::vector<Result<XmlDocument>> attempt_all(const std::vector<Pending>& pending) const;

  ClientOptions options_;
};

}  // namespace ec2
