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

namespace ec2::inventory {
namespace {

/// One DescribeInstances stream: a region and one filter set.
struct Job {
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
  TurnTakingTransport(std::unique_ptr<HttpTransport> inner, PageTurns& turns) : inner_(std::move(inner)), turns_(turns) {}
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
  std::unique_ptr<HttpTransport> inner_;
  PageTurns& turns_;
  bool holding_ = false;
};

/// A client for `region` with a transport of its own, so parallel streams never share a handle.
Client stream_client(const Client& base, const std::string& region, PageTurns& turns) {
  Client regional = base.for_region(region);
  ClientOptions options;
  options.config = regional.config();
  options.retry = std::shared_ptr<RetryPolicy>(&regional.retry_policy(), [](RetryPolicy*) {});
  TransportOptions transport;
  transport.ca_bundle = options.config.ca_bundle;
  options.transport = std::make_shared<TurnTakingTransport>(make_curl_transport(transport), turns);
  return Client(std::move(options));
}

class Ec2Source final : public InstanceSource {
 public:
  Ec2Source(Client client, WarningSink warn) : client_(std::move(client)), warn_(std::move(warn)) {
    if (!warn_) {
      warn_ = [](const std::string& message) { std::fprintf(stderr, "warning: %s\n", message.c_str()); };
    }
  }

  Result<std::vector<InstanceRecord>> fetch(const FetchRequest& request) override;
  Result<std::vector<std::string>> describe_regions() override;

 private:
  JobOutput run_job(const FetchRequest& request, const Job& job);

  Client client_;
  WarningSink warn_;
  PageTurns turns_;
};

JobOutput Ec2Source::run_job(const FetchRequest& request, const Job& job) {
  const std::string& region = request.regions[job.region_index];
  JobOutput output;
  DescribeInstancesRequest describe;
  if (!request.filter_sets.empty()) describe.filters = request.filter_sets[job.filter_index];
  describe.max_results = 1000;
  Client client = stream_client(client_, region, turns_);
  Status status = request.prepare ? fetch_xml_pages(client, region, describe, request.prepare, output.records)
                                  : describe_instances_pages(client, describe, [&](const DescribeInstancesResponse& page) {
                                      append_page(region, page, output.records);
                                      return true;
                                    });
  if (!status) output.error = status.error();
  return output;
}

/// Runs `count` jobs on at most `parallel` threads; `run(i)` must be safe to call concurrently.
template <class F>
void run_parallel(size_t count, int parallel, F&& run) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) run(i);
  };
  size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(parallel, 1)));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
}

Result<std::vector<InstanceRecord>> Ec2Source::fetch(const FetchRequest& request) {
  size_t sets = std::max<size_t>(request.filter_sets.size(), 1);
  std::vector<Job> jobs;
  for (size_t r = 0; r < request.regions.size(); ++r) {
    for (size_t f = 0; f < sets; ++f) jobs.push_back({r, f});
  }
  std::vector<JobOutput> outputs(jobs.size());
  run_parallel(jobs.size(), request.max_parallel,
               [&](size_t i) { outputs[i] = run_job(request, jobs[i]); });

  std::vector<InstanceRecord> records;
  std::unordered_set<std::string> seen;
  std::unordered_set<size_t> skipped_regions;
  for (size_t i = 0; i < jobs.size(); ++i) {
    const std::string& region = request.regions[jobs[i].region_index];
    if (skipped_regions.count(jobs[i].region_index)) continue;
    if (outputs[i].error) {
      const Error& error = *outputs[i].error;
      if (!request.strict_permissions && is_permission_error(error)) {
        warn_("skipping region " + region + ": " + to_string(error));
        skipped_regions.insert(jobs[i].region_index);
        continue;
      }
      return error.with_context("describe instances in region " + region);
    }
  }
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (skipped_regions.count(jobs[i].region_index)) continue;
    for (InstanceRecord& record : outputs[i].records) {
      if (seen.insert(record.region + "/" + instance_id(record)).second) records.push_back(std::move(record));
    }
    outputs[i].records.clear();
  }
  return records;
}

Result<std::vector<std::string>> Ec2Source::describe_regions() {
  auto response = ec2::describe_regions(client_);
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
  return std::make_unique<Ec2Source>(std::move(client), std::move(warn));
}

DebugSink& debug_sink() {
  static DebugSink sink;
  return sink;
}

void set_debug_sink(DebugSink sink) { debug_sink() = std::move(sink); }

Result<std::unique_ptr<InstanceSource>> open_ec2_source(const ConfigOverrides& overrides, const Environment& env) {
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
  return make_ec2_source(std::move(*client));
}

}  // namespace ec2::inventory
