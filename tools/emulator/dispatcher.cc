#include "dispatcher.h"

#include <algorithm>
#include <chrono>
#include <random>

#include <fmt/format.h>

#include "api_error.h"

namespace ec2::emu {

std::string region_from_host(std::string_view host) {
  if (host.substr(0, 4) != "ec2.") return {};
  host.remove_prefix(4);
  size_t dot = host.find('.');
  if (dot == std::string_view::npos) return {};
  return std::string(host.substr(0, dot));
}

std::string region_from_credential(std::string_view header) {
  size_t at = header.find("Credential=");
  if (at == std::string_view::npos) return {};
  std::string_view scope = header.substr(at + 11);
  scope = scope.substr(0, scope.find_first_of(", "));
  // AKID/20240101/us-east-1/ec2/aws4_request
  size_t first = scope.find('/');
  if (first == std::string_view::npos) return {};
  size_t second = scope.find('/', first + 1);
  if (second == std::string_view::npos) return {};
  size_t third = scope.find('/', second + 1);
  return std::string(scope.substr(second + 1, third == std::string_view::npos ? third : third - second - 1));
}

Dispatcher::Dispatcher(World& world, const ActionRegistry& registry, std::string default_region)
    : world_(world), registry_(registry), default_region_(std::move(default_region)),
      request_ids_(std::random_device{}()) {}

Dispatcher& Dispatcher::add_hook(Hook hook) {
  hooks_.push_back(std::move(hook));
  return *this;
}

Dispatcher& Dispatcher::set_control(ControlHandler control) {
  control_ = std::move(control);
  return *this;
}

Dispatcher& Dispatcher::set_persister(Persister persister) {
  persister_ = std::move(persister);
  return *this;
}

Dispatcher& Dispatcher::set_logger(std::function<void(const std::string&)> logger) {
  logger_ = std::move(logger);
  return *this;
}

HttpReply Dispatcher::handle(const HttpCall& http) {
  if (http.path.rfind("/_emulator/", 0) == 0 && control_) return control_(http);
  auto started = std::chrono::steady_clock::now();
  Call call;
  call.world = &world_;
  {
    std::lock_guard lock(id_mutex_);
    call.request_id = request_ids_.uuid();
  }
  call.params.add_form(http.query);
  if (http.method == "POST") call.params.add_form(http.body);
  call.action = call.params.get("Action");
  const std::string* host = find_header(http.headers, "Host");
  const std::string* auth = find_header(http.headers, "Authorization");
  call.region = auth ? region_from_credential(*auth) : std::string();
  if (call.region.empty()) call.region = region_from_credential(call.params.get("X-Amz-Credential"));
  if (call.region.empty() && host) call.region = region_from_host(*host);
  if (call.region.empty()) call.region = default_region_;

  HttpReply reply = answer_call(call, http);
  reply.fault = call.transport_fault;
  reply.delay = call.delay;
  if (logger_) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    logger_(fmt::format("{} {} {} {} {} {}B {:.2f}ms {}", http.remote_addr, call.region,
                        call.action.empty() ? "-" : call.action, reply.status, call.request_id,
                        reply.body.size(), ms, call.identity.arn.empty() ? "-" : call.identity.arn));
  }
  return reply;
}

HttpReply Dispatcher::answer_call(Call& call, const HttpCall& http) {
  for (const Hook& hook : hooks_) {
    Status status = hook(call, http);
    if (!status) return error_reply(status.error(), call);
  }
  if (http.method != "POST" && http.method != "GET") {
    return error_reply(client_error("InvalidAction", "Only GET and POST requests are supported"), call);
  }
  if (call.action.empty()) return error_reply(missing_parameter("Action"), call);
  const Action* action = registry_.find(call.action);
  if (!action) {
    return error_reply(
        client_error("InvalidAction", fmt::format("The action {} is not valid for this web service.", call.action)),
        call);
  }
  std::string version = call.params.get("Version");
  if (version.empty()) return error_reply(missing_parameter("Version"), call);
  if (!is_served_region(call.region)) {
    return error_reply(api_error(401, "AuthFailure", fmt::format("The region '{}' is not served here.", call.region)),
                       call);
  }
  std::lock_guard lock(world_.mutex);
  if (!world_.select_account(call.account())) {
    return error_reply(api_error(401, "AuthFailure", "The account " + call.account() + " is not served here."), call);
  }
  call.now = world_.now();
  registry_.run_due(world_, call.now);
  Result<std::string> body = registry_.answer(*action, call);
  if (!body) return error_reply(body.error(), call);
  if (action->mutating && persister_) {
    Status saved = persister_();
    if (!saved) return error_reply(internal_error("State could not be saved: " + saved.error().message), call);
  }
  count(call, nullptr);
  HttpReply reply;
  reply.body = std::move(*body);
  return reply;
}

HttpReply Dispatcher::error_reply(const Error& error, const Call& call) {
  count(call, &error);
  HttpReply reply;
  reply.status = error.http_status ? error.http_status : 400;
  reply.body = error_document(error.code, error.message, call.request_id);
  return reply;
}

void Dispatcher::count(const Call& call, const Error* error) {
  std::lock_guard lock(stats_mutex_);
  ++stats_.requests;
  ++stats_.by_action[call.action.empty() ? "-" : call.action];
  if (error) ++stats_.errors_by_code[error->code];
}

void Dispatcher::count_service_call(const std::string& action, const std::string& error_code) {
  std::lock_guard lock(stats_mutex_);
  ++stats_.requests;
  ++stats_.by_action[action];
  if (!error_code.empty()) ++stats_.errors_by_code[error_code];
}

void Dispatcher::serving_started() {
  std::lock_guard lock(stats_mutex_);
  stats_.peak_in_flight = std::max(stats_.peak_in_flight, ++in_flight_);
}

void Dispatcher::serving_finished() {
  std::lock_guard lock(stats_mutex_);
  --in_flight_;
}

DispatchStats Dispatcher::stats() const {
  std::lock_guard lock(stats_mutex_);
  return stats_;
}

void Dispatcher::reset_stats() {
  std::lock_guard lock(stats_mutex_);
  stats_ = {};
}

}  // namespace ec2::emu
