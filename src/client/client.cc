#include "ec2/client.h"

#include <algorithm>
#include <optional>

#include "query/request.h"
#include "query/response.h"
#include "ec2/sigv4.h"

namespace ec2 {

Client::Client(ClientOptions options) : options_(std::move(options)) {
  if (!options_.clock) options_.clock = system_clock();
  if (!options_.random) options_.random = default_random();
  if (!options_.transport) {
    TransportOptions transport;
    transport.ca_bundle = options_.config.ca_bundle;
    options_.transport = make_curl_transport(transport);
  }
  if (!options_.retry) {
    options_.retry = make_retry_policy(options_.config.retry_mode, options_.config.max_attempts,
                                       options_.random);
  }
}

Result<Client> Client::create(const ConfigOverrides& overrides, const Environment& env,
                              TransportOptions transport, CredentialServices services) {
  if (!services.transport) {
    services.transport = [transport](const TransportOptions& wanted) -> std::shared_ptr<HttpTransport> {
      TransportOptions options = transport;
      if (options.ca_bundle.empty()) options.ca_bundle = wanted.ca_bundle;
      // Metadata providers ask for short waits (IMDS 1 s, containers 2 s): the shorter one wins.
      options.connect_timeout = std::min(options.connect_timeout, wanted.connect_timeout);
      options.read_timeout = std::min(options.read_timeout, wanted.read_timeout);
      return make_curl_transport(options);
    };
  }
  auto config = resolve_config(overrides, env, services);
  if (!config) return config.error();
  if (transport.ca_bundle.empty()) transport.ca_bundle = config->ca_bundle;
  ClientOptions options;
  options.config = std::move(config).value();
  options.transport = make_curl_transport(transport);
  return Client(std::move(options));
}

Client Client::for_region(std::string region) const {
  ClientOptions options = options_;
  bool default_in_use = options.config.endpoint_url == default_endpoint(options.config.region);
  options.config.region = std::move(region);
  if (default_in_use) options.config.endpoint_url = default_endpoint(options.config.region);
  return Client(std::move(options));
}

Result<Credentials> Client::credentials() const {
  if (options_.config.credentials_provider) return options_.config.credentials_provider->get();
  return options_.config.credentials;
}

Result<HttpRequest> Client::signed_request(const std::string& body) const {
  HttpRequest request = query::form_post(options_.config.endpoint_url, body);
  auto credentials = this->credentials();
  if (!credentials) return credentials.error();
  if (!credentials->access_key_id.empty()) {
    SigningParams params;
    params.credentials = std::move(*credentials);
    params.region = options_.config.region;
    params.time = options_.clock->now();
    EC2_TRY(sign_request(request, params));
  }
  std::string agent(kUserAgent);
  if (!options_.user_agent_suffix.empty()) agent += " " + options_.user_agent_suffix;
  request.headers.emplace_back("User-Agent", std::move(agent));
  return request;
}

Result<XmlDocument> Client::attempt(const std::string& body) const {
  auto request = signed_request(body);
  if (!request) return request.error();
  auto response = options_.transport->send(*request);
  if (!response) return response.error();
  return query::interpret_response(std::move(*response));
}

Result<XmlDocument> Client::call(std::string_view action, const QueryParams& params,
                                 RetryPolicy* retry) const {
  RetryPolicy& policy = retry ? *retry : *options_.retry;
  const std::string body = params.encode(action);
  return with_retry(
      policy, *options_.clock, [&] { return attempt(body); }, options_.on_retry);
}

struct Client::Pending {
  size_t index;  ///< Position in `calls`.
  Client client;
  std::string body;
  RetryState state;
};

std::vector<Result<XmlDocument>> Client::attempt_all(const std::vector<Pending>& pending) const {
  std::vector<std::optional<Result<XmlDocument>>> outcomes(pending.size());
  std::vector<HttpRequest> requests;
  std::vector<size_t> sent;
  for (size_t p = 0; p < pending.size(); ++p) {
    auto request = pending[p].client.signed_request(pending[p].body);
    if (!request) {
      outcomes[p] = request.error();
      continue;
    }
    requests.push_back(std::move(*request));
    sent.push_back(p);
  }
  auto responses = options_.transport->send_all(requests);
  for (size_t r = 0; r < sent.size(); ++r) {
    outcomes[sent[r]] = responses[r] ? query::interpret_response(std::move(*responses[r]))
                                     : Result<XmlDocument>(responses[r].error());
  }
  std::vector<Result<XmlDocument>> out;
  out.reserve(outcomes.size());
  for (auto& outcome : outcomes) out.push_back(std::move(*outcome));
  return out;
}

std::vector<Result<XmlDocument>> Client::call_all(const std::vector<Call>& calls,
                                                  RetryPolicy* retry) const {
  RetryPolicy& policy = retry ? *retry : *options_.retry;
  std::vector<std::optional<Result<XmlDocument>>> results(calls.size());
  std::vector<Pending> pending;
  for (size_t i = 0; i < calls.size(); ++i) {
    const Call& call = calls[i];
    bool here = call.region.empty() || call.region == region();
    pending.push_back(
        {i, here ? *this : for_region(call.region), call.params.encode(call.action), {}});
  }
  while (!pending.empty()) {
    auto outcomes = attempt_all(pending);
    std::vector<Pending> again;
    std::chrono::milliseconds wait{0};
    for (size_t p = 0; p < pending.size(); ++p) {
      std::optional<std::chrono::milliseconds> delay;
      if (outcomes[p]) {
        policy.on_success(pending[p].state);
      } else {
        delay = policy.retry_delay(outcomes[p].error(), pending[p].state);
      }
      if (!delay) {
        results[pending[p].index] = std::move(outcomes[p]);
        continue;
      }
      if (options_.on_retry)
        options_.on_retry(outcomes[p].error(), pending[p].state.attempt, *delay);
      wait = std::max(wait, *delay);
      ++pending[p].state.attempt;
      again.push_back(std::move(pending[p]));
    }
    if (!again.empty()) options_.clock->sleep(wait);
    pending = std::move(again);
  }
  std::vector<Result<XmlDocument>> out;
  out.reserve(results.size());
  for (auto& result : results) out.push_back(std::move(*result));
  return out;
}

}  // namespace ec2
