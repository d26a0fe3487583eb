#include "instance_source.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>

#include "ec2/model/visit.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/regions.h"
#include "ec2/paginator.h"
#include "parallel.h"

namespace ec2::inventory {
namespace {

/// One DescribeInstances stream: an account, a region and one filter set.
struct Job {
  size_t target_index = 0;
  size_t region_index = 0;
  size_t filter_index = 0;
};

/// What one job produced: its records in EC2's order, or the error that stopped it.
struct JobOutput {
  std::vector<InstanceRecord> records;
  std::optional<Error> error;
};

/// Appends the instances of one typed page to `out`.
void append_page(const std::string& region, const DescribeInstancesResponse& page, std::vector<InstanceRecord>& out) {
  for (const Reservation& reservation : page.reservations) {
    if (!reservation.instances) continue;
    for (const Instance& instance : *reservation.instances) {
      InstanceRecord record;
      record.region = region;
      record.typed = std::make_shared<const Instance>(instance);
      record.owner_id = reservation.owner_id.value_or("");
      record.requester_id = reservation.requester_id.value_or("");
      record.reservation_id = reservation.reservation_id.value_or("");
      record.id = instance.instance_id.value_or("");
      out.push_back(std::move(record));
    }
  }
}

/// Collects the scalar members of a reservation, declining its groups and instances.
class ReservationIds final : public ModelVisitor {
 public:
  void begin_object() override { ++depth_; }
  bool member(const char* name) override {
    std::string_view n = name;
    target_ = n == "OwnerId" ? &owner : n == "RequesterId" ? &requester : n == "ReservationId" ? &reservation : nullptr;
    return target_ != nullptr;
  }
  void end_object() override { --depth_; }
  void begin_array() override {}
  void end_array() override {}
  void string(std::string_view text) override {
    if (target_ && depth_ == 1) target_->assign(text);
  }
  void integer(int64_t) override {}
  void boolean(bool) override {}
  void timestamp(Timestamp) override {}

  std::string owner, requester, reservation;

 private:
  int depth_ = 0;
  std::string* target_ = nullptr;
};

/// The text of the last child element of `node` named `name` (from_xml reads the last of a
/// repeated element), or "". Names are told apart by their first character before they are
/// compared: pugixml's search by name compares every child's whole name.
std::string last_child_text(pugi::xml_node node, std::string_view name) {
  const char* text = "";
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const char* child_name = child.name();
    if (!name.empty() && child_name[0] == name[0] && child_name == name) text = child.child_value();
  }
  return text;
}

}  // namespace

Status append_xml_page(const std::string& region, const pugi::xml_document& page,
                       const std::function<void(InstanceRecord&)>& prepare, std::vector<InstanceRecord>& out) {
  pugi::xml_node root = page.document_element();
  for (pugi::xml_node item : root.child("reservationSet").children("item")) {
    ReservationIds ids;
    if (auto status = visit_reservation_xml(item, ids); !status) return status;
    for (pugi::xml_node node : item.child("instancesSet").children("item")) {
      InstanceRecord record;
      record.region = region;
      record.owner_id = ids.owner;
      record.requester_id = ids.requester;
      record.reservation_id = ids.reservation;
      record.id = last_child_text(node, "instanceId");
      record.xml = node;
      prepare(record);
      record.xml = pugi::xml_node();
      out.push_back(std::move(record));
    }
  }
  return {};
}

namespace {

/// Every page of one DescribeInstances stream as XML, each handed to append_xml_page.
Status fetch_xml_pages(const Client& client, const std::string& region, const DescribeInstancesRequest& describe,
                       const std::function<void(InstanceRecord&)>& prepare, std::vector<InstanceRecord>& out) {
  Paginator pages(client, "DescribeInstances", to_params(describe));
  while (true) {
    auto page = pages.next();
    if (!page) return page.error().with_context("describe instances");
    if (!*page) return {};
    if (auto status = append_xml_page(region, ***page, prepare, out); !status) {
      return status.error().with_context("describe instances");
    }
  }
}

/// Turns for working on a downloaded page. Downloads wait on the network and gain from many
/// streams at once; parsing and converting a page is CPU work, and a 1,000-instance page takes
/// about 10 MB while it is parsed, so more pages worked on at once than there are cores only add
/// memory.
class PageTurns {
 public:
  PageTurns() : free_(std::max(1u, std::thread::hardware_concurrency())) {}
  void take() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return free_ > 0; });
    --free_;
  }
  void give_back() {
    {
      std::lock_guard lock(mutex_);
      ++free_;
    }
    freed_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  unsigned free_;
};

/// One stream's transport: a successful response takes a turn, held while the page is parsed and
/// its records prepared, and given back when the stream sends its next request or ends. A stream
/// holds at most one turn and never waits for one while holding one.
class TurnTakingTransport final : public HttpTransport {
 public:
  TurnTakingTransport(std::shared_ptr<HttpTransport> inner, PageTurns& turns) : inner_(std::move(inner)), turns_(turns) {}
  ~TurnTakingTransport() override { give_back(); }
  Result<HttpResponse> send(const HttpRequest& request) override {
    give_back();
    auto response = inner_->send(request);
    if (response && response->status == 200) {
      turns_.take();
      holding_ = true;
    }
    return response;
  }

 private:
  void give_back() {
    if (holding_) turns_.give_back();
    holding_ = false;
  }
  std::shared_ptr<HttpTransport> inner_;
  PageTurns& turns_;
  bool holding_ = false;
};

/// Sends each request holding one of the gate's slots.
class GatedTransport final : public HttpTransport {
 public:
  GatedTransport(std::shared_ptr<HttpTransport> inner, std::shared_ptr<RequestGate> gate)
      : inner_(std::move(inner)), gate_(std::move(gate)) {}
  Result<HttpResponse> send(const HttpRequest& request) override {
    gate_->enter();
    auto response = inner_->send(request);
    gate_->leave();
    return response;
  }

 private:
  std::shared_ptr<HttpTransport> inner_;
  std::shared_ptr<RequestGate> gate_;
};

/// A client for `region` with a transport of its own, so parallel streams never share a handle
/// (and, with a gate, every request waits for a slot). The client's retry policy is shared.
Client stream_client(const Client& base, const std::string& region, PageTurns& turns,
                     const std::shared_ptr<RequestGate>& gate) {
  ClientOptions options = base.for_region(region).options();
  TransportOptions transport;
  transport.ca_bundle = options.config.ca_bundle;
  std::shared_ptr<HttpTransport> http = make_curl_transport(transport);
  if (gate) http = gated_transport(std::move(http), gate);
  options.transport = std::make_shared<TurnTakingTransport>(std::move(http), turns);
  return Client(std::move(options));
}

class Ec2Source final : public InstanceSource {
 public:
  Ec2Source(std::vector<AccountTarget> targets, std::shared_ptr<RequestGate> gate, WarningSink warn)
      : targets_(std::move(targets)), gate_(std::move(gate)), warn_(std::move(warn)) {
    if (!warn_) {
      warn_ = [](const std::string& message) { std::fprintf(stderr, "warning: %s\n", message.c_str()); };
    }
  }

  Result<std::vector<InstanceRecord>> fetch(const FetchRequest& request) override;
  Result<std::vector<std::string>> describe_regions() override;

 private:
  JobOutput run_job(const FetchRequest& request, const Job& job);
  /// "region R" or, in a many-account run, "account A (ROLE) region R".
  std::string where(const Job& job, const std::string& region) const;

  std::vector<AccountTarget> targets_;
  std::shared_ptr<RequestGate> gate_;
  WarningSink warn_;
  PageTurns turns_;
};

JobOutput Ec2Source::run_job(const FetchRequest& request, const Job& job) {
  const std::string& region = request.regions[job.region_index];
  JobOutput output;
  DescribeInstancesRequest describe;
  if (!request.filter_sets.empty()) describe.filters = request.filter_sets[job.filter_index];
  describe.max_results = 1000;
  const AccountTarget& target = targets_[job.target_index];
  Client client = stream_client(target.client, region, turns_, gate_);
  auto prepare = request.prepare;
  if (prepare && target.account) {
    prepare = [&](InstanceRecord& record) {
      record.account = target.account;
      request.prepare(record);
    };
  }
  Status status = prepare ? fetch_xml_pages(client, region, describe, prepare, output.records)
                          : describe_instances_pages(client, describe, [&](const DescribeInstancesResponse& page) {
                              append_page(region, page, output.records);
                              return true;
                            });
  if (!status) output.error = status.error();
  for (InstanceRecord& record : output.records) record.account = target.account;
  return output;
}

std::string Ec2Source::where(const Job& job, const std::string& region) const {
  const AccountInfo* account = targets_[job.target_index].account.get();
  if (!account) return "region " + region;
  return "account " + account->id + " (" + account->role_arn + ") region " + region;
}

Result<std::vector<InstanceRecord>> Ec2Source::fetch(const FetchRequest& request) {
  size_t sets = std::max<size_t>(request.filter_sets.size(), 1);
  std::vector<Job> jobs;
  for (size_t t = 0; t < targets_.size(); ++t) {
    for (size_t r = 0; r < request.regions.size(); ++r) {
      for (size_t f = 0; f < sets; ++f) jobs.push_back({t, r, f});
    }
  }
  std::vector<JobOutput> outputs(jobs.size());
  run_parallel(jobs.size(), request.max_parallel,
               [&](size_t i) { outputs[i] = run_job(request, jobs[i]); });

  // A (target, region) pair skipped for a permission error, as target × regions + region.
  std::unordered_set<size_t> skipped;
  auto pair_of = [&](const Job& job) { return job.target_index * request.regions.size() + job.region_index; };
  for (size_t i = 0; i < jobs.size(); ++i) {
    const std::string& region = request.regions[jobs[i].region_index];
    if (skipped.count(pair_of(jobs[i])) || !outputs[i].error) continue;
    const Error& error = *outputs[i].error;
    if (!request.strict_permissions && is_permission_error(error)) {
      warn_("skipping " + where(jobs[i], region) + ": " + to_string(error));
      skipped.insert(pair_of(jobs[i]));
      continue;
    }
    return error.with_context("describe instances in " + where(jobs[i], region));
  }
  std::vector<InstanceRecord> records;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (skipped.count(pair_of(jobs[i]))) continue;
    std::string account = std::to_string(jobs[i].target_index) + "/";
    for (InstanceRecord& record : outputs[i].records) {
      if (seen.insert(account + record.region + "/" + instance_id(record)).second) records.push_back(std::move(record));
    }
    outputs[i].records.clear();
  }
  return records;
}

Result<std::vector<std::string>> Ec2Source::describe_regions() {
  if (targets_.empty()) return std::vector<std::string>();
  auto response = ec2::describe_regions(targets_.front().client);
  if (!response) return response.error().with_context("describe regions");
  std::vector<std::string> names;
  for (const Region& region : response->regions) {
    if (region.region_name) names.push_back(*region.region_name);
  }
  return names;
}

}  // namespace

bool is_permission_error(const Error& error) {
  return error.code == "UnauthorizedOperation" || error.code == "AccessDenied" ||
         error.code == "AccessDeniedException" || error.code == "AuthFailure";
}

std::unique_ptr<InstanceSource> make_ec2_source(Client client, WarningSink warn) {
  std::vector<AccountTarget> targets{{nullptr, std::move(client)}};
  return std::make_unique<Ec2Source>(std::move(targets), nullptr, std::move(warn));
}

std::unique_ptr<InstanceSource> make_accounts_source(std::vector<AccountTarget> targets,
                                                     std::shared_ptr<RequestGate> gate, WarningSink warn) {
  return std::make_unique<Ec2Source>(std::move(targets), std::move(gate), std::move(warn));
}

void RequestGate::enter() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [&] { return free_ > 0; });
  --free_;
}

void RequestGate::leave() {
  {
    std::lock_guard lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

std::shared_ptr<HttpTransport> gated_transport(std::shared_ptr<HttpTransport> inner, std::shared_ptr<RequestGate> gate) {
  return std::make_shared<GatedTransport>(std::move(inner), std::move(gate));
}

DebugSink& debug_sink() {
  static DebugSink sink;
  return sink;
}

void set_debug_sink(DebugSink sink) { debug_sink() = std::move(sink); }

Result<Client> open_client(const ConfigOverrides& overrides, const Environment& env) {
  const DebugSink& debug = debug_sink();
  TransportOptions transport;
  if (debug) transport.trace = debug;
  auto client = Client::create(overrides, env, transport);
  if (!client && client.error().code == "NoRegion") {
    ConfigOverrides with_region = overrides;
    with_region.region = "us-east-1";
    client = Client::create(with_region, env, transport);
  }
  if (!client) return client.error();
  if (debug) {
    const ResolvedConfig& c = client->config();
    const std::string& who = c.credentials.identity.empty() ? c.credentials.source : c.credentials.identity;
    debug("profile " + c.profile + ", region " + c.region + ", endpoint " + c.endpoint_url + ", credentials from " + who);
  }
  return client;
}

Result<std::unique_ptr<InstanceSource>> open_ec2_source(const ConfigOverrides& overrides, const Environment& env) {
  auto client = open_client(overrides, env);
  if (!client) return client.error();
  return make_ec2_source(std::move(*client));
}

}  // namespace ec2::inventory
