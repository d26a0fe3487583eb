#include "account_clients.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "ec2/sigv4.h"
#include "ec2/sts.h"
#include "parallel.h"

namespace ec2::inventory {
namespace {

class PersistentThrottling final : public RetryPolicy {
 public:
  PersistentThrottling(std::shared_ptr<RetryPolicy> inner, std::shared_ptr<Random> random)
      : inner_(std::move(inner)), random_(std::move(random)) {}

  std::optional<std::chrono::milliseconds> retry_delay(const Error& error, RetryState& state) override {
    if (auto delay = inner_->retry_delay(error, state)) return delay;
    if (error.category != ErrorCategory::Throttling || state.attempt >= kThrottledAttempts) return std::nullopt;
    double cap = std::min(std::pow(2.0, state.attempt - 1), 20.0);
    return std::chrono::milliseconds(static_cast<long long>(random_->uniform01() * cap * 1000));
  }
  void on_success(const RetryState& state) override { inner_->on_success(state); }
  int max_attempts() const override { return inner_->max_attempts(); }

 private:
  std::shared_ptr<RetryPolicy> inner_;
  std::shared_ptr<Random> random_;
};

/// "arn:aws:iam::ID:role/NAME".
std::string role_arn(const std::string& id, const std::string& name) { return "arn:aws:iam::" + id + ":role/" + name; }

/// The error of a failed Organizations (JSON protocol) answer: `__type` without its prefix, the
/// message, the request id header.
Error json_error(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  std::string code, message;
  if (body.is_object()) {
    code = body.value("__type", "");
    code = code.substr(code.rfind('#') + 1);
    message = body.contains("Message") ? body.value("Message", "") : body.value("message", "");
  }
  if (code.empty()) code = "HTTP" + std::to_string(response.status);
  Error error = make_error(categorize(code, response.status), code, message.empty() ? response.body : message);
  error.http_status = response.status;
  if (const std::string* id = find_header(response.headers, "x-amzn-RequestId")) error.request_id = *id;
  return error;
}

/// One ListAccounts page.
Result<nlohmann::json> list_accounts_page(const Client& run, const std::string& next_token) {
  const ResolvedConfig& config = run.config();
  bool default_endpoint_in_use = config.endpoint_url == default_endpoint(config.region);
  HttpRequest request;
  request.method = "POST";
  request.url = default_endpoint_in_use ? "https://organizations.us-east-1.amazonaws.com/" : config.endpoint_url;
  if (request.url.back() != '/') request.url += "/";
  request.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                     {"X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts"},
                     {"User-Agent", std::string(kUserAgent)}};
  nlohmann::json body = nlohmann::json::object();
  if (!next_token.empty()) body["NextToken"] = next_token;
  request.body = body.dump();
  return with_retry(run.retry_policy(), run.clock(), [&]() -> Result<nlohmann::json> {
    HttpRequest signed_request = request;
    auto credentials = run.credentials();
    if (!credentials) return credentials.error();
    SigningParams params{*credentials, "us-east-1", "organizations", run.clock().now()};
    EC2_TRY(sign_request(signed_request, params));
    auto response = run.transport().send(signed_request);
    if (!response) return response.error();
    if (response->status != 200) return json_error(*response);
    auto page = nlohmann::json::parse(response->body, nullptr, false);
    if (!page.is_object()) return make_error(ErrorCategory::Client, "MalformedResponse", "ListAccounts answered no JSON object");
    return page;
  });
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::shared_ptr<RetryPolicy> persistent_throttling(std::shared_ptr<RetryPolicy> inner, std::shared_ptr<Random> random) {
  return std::make_shared<PersistentThrottling>(std::move(inner), std::move(random));
}

Result<std::vector<AccountRole>> organization_accounts(const Client& run, const std::string& role_name,
                                                       const std::vector<std::string>& include,
                                                       const std::vector<std::string>& exclude) {
  std::vector<AccountRole> accounts;
  std::string token;
  do {
    auto page = list_accounts_page(run, token);
    if (!page) return page.error().with_context("list the accounts of the organization (Organizations ListAccounts)");
    for (const auto& account : (*page)["Accounts"]) {
      std::string id = account.value("Id", "");
      if (account.value("Status", "") != "ACTIVE" || id.empty()) continue;
      if ((!include.empty() && !listed(include, id)) || listed(exclude, id)) continue;
      accounts.push_back({id, account.value("Name", id), role_arn(id, role_name)});
    }
    token = page->value("NextToken", "");
  } while (!token.empty());
  return accounts;
}

Result<std::vector<AccountTarget>> open_accounts(const Client& run, const std::vector<AccountRole>& roles,
                                                 const AccountOptions& options, const WarningSink& warn) {
  std::vector<std::optional<Result<Client>>> clients(roles.size());
  run_parallel(roles.size(), options.parallel, [&](size_t i) {
    ClientOptions own = run.options();
    own.retry = persistent_throttling(make_retry_policy(own.config.retry_mode, own.config.max_attempts, own.random),
                                      own.random);
    AssumeRoleOptions role;
    role.role_arn = roles[i].role_arn;
    role.role_session_name = kSessionName;
    role.cache_dir = options.cache_dir;
    clients[i] = with_assumed_role(Client(std::move(own)), std::move(role));
  });
  std::vector<AccountTarget> targets;
  for (size_t i = 0; i < roles.size(); ++i) {
    const AccountRole& r = roles[i];
    Result<Client>& client = *clients[i];
    std::string who = "account " + r.id + " (role " + r.role_arn + ")";
    if (!client) {
      Error error = client.error();
      if (!options.strict_permissions && is_permission_error(error)) {
        warn("skipping " + who + ": " + to_string(error));
        continue;
      }
      return error.with_context("assume the role of " + who);
    }
    auto info = std::make_shared<AccountInfo>(AccountInfo{targets.size(), r.id, r.name, r.role_arn});
    targets.push_back({std::move(info), std::move(*client)});
  }
  return targets;
}

}  // namespace ec2::inventory
