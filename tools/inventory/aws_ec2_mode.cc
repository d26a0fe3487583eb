#include "aws_ec2_mode.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "account_clients.h"
#include "aws_ec2/aws_ec2.h"
#include "aws_ec2/output/host_lookup.h"
#include "cache.h"
#include "ec2/sts.h"
#include "instance_source.h"

namespace ec2::inventory {
namespace {

ConfigOverrides overrides_for(const aws_ec2::ConnectionSettings& c, const std::string& profile) {
  ConfigOverrides overrides;
  if (!profile.empty()) {
    overrides.profile = profile;
  } else if (!c.profile.empty()) {
    overrides.profile = c.profile;
  }
  if (!c.access_key.empty() && profile.empty()) {
    overrides.access_key_id = c.access_key;
    overrides.secret_access_key = c.secret_key;
    if (!c.session_token.empty()) overrides.session_token = c.session_token;
  }
  if (!c.endpoint_url.empty()) overrides.endpoint_url = c.endpoint_url;
  if (!c.region.empty()) overrides.region = c.region;
  return overrides;
}

/// The plan's instances: those of the include filter sets, and those of the exclude sets.
struct Fetched {
  std::vector<InstanceRecord> included;
  std::vector<InstanceRecord> excluded;
};

Result<Fetched> fetch_instances(const aws_ec2::AwsEc2Config& config, InstanceSource& source) {
  FetchRequest fetch;
  fetch.regions = config.plan.regions;
  if (fetch.regions.empty()) {
    auto regions = source.describe_regions();
    if (!regions) return regions.error();
    fetch.regions = std::move(*regions);
  }
  fetch.strict_permissions = config.plan.strict_permissions;
  fetch.max_parallel = config.plan.max_requests_in_flight;
  fetch.filter_sets = config.plan.include_filter_sets;
  fetch.prepare = aws_ec2::record_preparer(config);
  auto included = source.fetch(fetch);
  if (!included) return included.error();
  Fetched fetched{std::move(*included), {}};
  if (!config.plan.exclude_filter_sets.empty()) {
    fetch.filter_sets = config.plan.exclude_filter_sets;
    fetch.prepare = [](InstanceRecord&) {};  // only ids are needed: nothing is kept
    auto excluded = source.fetch(fetch);
    if (!excluded) return excluded.error();
    fetched.excluded = std::move(*excluded);
  }
  return fetched;
}

/// The run's client: the configured credentials, every request through `gate`, then signing as
/// `iam_role_arn` when set (assumed once, before any EC2 call, as the plugin does).
Result<Client> run_client(const aws_ec2::AwsEc2Config& config, const ConfigOverrides& overrides,
                          const Environment& env, const std::shared_ptr<RequestGate>& gate) {
  auto configured = open_client(overrides, env);
  if (!configured) return configured.error();
  ClientOptions options = configured->options();
  options.transport = gated_transport(options.transport, gate);
  Client run(std::move(options));
  const std::string& arn = config.connection.iam_role_arn;
  if (arn.empty()) return run;
  AssumeRoleOptions role;
  role.role_arn = arn;
  role.role_session_name = kSessionName;
  if (config.cache.enabled) role.cache_dir = aws_cli_cache_dir(env);
  auto assumed = with_assumed_role(run, std::move(role));
  if (!assumed) {
    Error error = assumed.error();
    error.message = "Unable to assume IAM role: " + to_string(error);
    error.code.clear();
    error.request_id.clear();
    error.context.clear();
    return error;
  }
  return assumed;
}

/// The accounts of `plan`, in config order (organization form: ListAccounts order).
Result<std::vector<AccountRole>> account_roles(const aws_ec2::AccountsPlan& plan, const Client& run) {
  using Form = aws_ec2::AccountsPlan::Form;
  std::vector<AccountRole> roles;
  if (plan.form == Form::Organization) return organization_accounts(run, plan.role_name, plan.include, plan.exclude);
  for (const std::string& arn : plan.role_arns) {
    std::string id = aws_ec2::role_arn_account(arn);
    roles.push_back({id, id, arn});
  }
  for (const std::string& id : plan.account_ids) roles.push_back({id, id, "arn:aws:iam::" + id + ":role/" + plan.role_name});
  return roles;
}

/// Where the run's instances come from: the run's client, or one client per account of
/// `ec2_inventory.accounts`, all requests bounded by `max_requests_in_flight`.
Result<std::unique_ptr<InstanceSource>> open_source(const aws_ec2::AwsEc2Config& config, const ConfigOverrides& overrides,
                                                    const Environment& env) {
  auto gate = std::make_shared<RequestGate>(config.plan.max_requests_in_flight);
  auto run = run_client(config, overrides, env, gate);
  if (!run) return run.error();
  if (config.plan.accounts.form == aws_ec2::AccountsPlan::Form::None) {
    return make_accounts_source({{nullptr, std::move(*run)}}, gate);
  }
  auto roles = account_roles(config.plan.accounts, *run);
  if (!roles) return roles.error();
  AccountOptions options;
  if (config.cache.enabled) options.cache_dir = aws_cli_cache_dir(env);
  options.strict_permissions = config.plan.strict_permissions;
  options.parallel = config.plan.max_requests_in_flight;
  auto targets = open_accounts(*run, *roles, options, [](const std::string& message) {
    std::fprintf(stderr, "warning: %s\n", message.c_str());
  });
  if (!targets) return targets.error();
  return make_accounts_source(std::move(*targets), gate);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The cache key: the config text, and the identity and endpoint the results depend on.
std::string cache_key(const std::string& path, const ConfigOverrides& overrides, const Environment& env) {
  return "ec2-inventory aws_ec2 v1\n" + read_text(path) + "\nprofile=" +
         overrides.profile.value_or(env.get("AWS_PROFILE").value_or("")) + "\nkey=" +
         overrides.access_key_id.value_or(env.get("AWS_ACCESS_KEY_ID").value_or("")) +
         "\nendpoint=" + env.get("AWS_ENDPOINT_URL").value_or("");
}

void warn(const Error& error) { std::fprintf(stderr, "warning: %s\n", to_string(error).c_str()); }

/// A new cache entry fed with the `--list` text as it is written, when the config enables the
/// cache. Committed only once the whole run succeeded; an entry that cannot be written is a
/// warning, never a failed run.
class CacheFeed {
 public:
  explicit CacheFeed(const CacheEntry& entry) {
    if (entry.max_age_seconds <= 0) return;
    auto file = CacheFile::create(entry);
    if (file) {
      file_.emplace(std::move(*file));
    } else {
      warn(file.error());
    }
  }
  bool enabled() const { return file_.has_value(); }
  void append(std::string_view piece) {
    if (!file_) return;
    if (Status appended = file_->append(piece); !appended) {
      error_ = appended.error();
      file_.reset();
    }
  }
  void commit() {
    if (file_) {
      if (Status committed = file_->commit(); !committed) error_ = committed.error();
    }
    if (error_) warn(*error_);
  }

 private:
  std::optional<CacheFile> file_;
  std::optional<Error> error_;
};

/// `--list` fetched and written, and copied to a new cache entry as it goes.
Status list(const aws_ec2::AwsEc2Config& config, InstanceSource& source, const CacheEntry& entry,
            const TextWriter& write) {
  auto fetched = fetch_instances(config, source);
  if (!fetched) return fetched.error();
  CacheFeed cache(entry);
  auto write_both = [&](std::string_view piece) {
    write(piece);
    cache.append(piece);
  };
  // The program's last step: the inventory is left for the process's exit to free.
  EC2_TRY(aws_ec2::write_inventory(config, std::move(fetched->included), fetched->excluded, write_both,
                                   aws_ec2::AfterWriting::KeepUntilExit));
  cache.commit();
  return {};
}

/// `--host` fetched, its `--list` text going to a new cache entry.
Status host(const aws_ec2::AwsEc2Config& config, InstanceSource& source, const CacheEntry& entry,
            const std::string& name, const TextWriter& write) {
  auto fetched = fetch_instances(config, source);
  if (!fetched) return fetched.error();
  CacheFeed cache(entry);
  aws_ec2::InventoryWriter to_cache;
  if (cache.enabled()) to_cache = [&](std::string_view piece) { cache.append(piece); };
  auto text = aws_ec2::host_variables_text(config, std::move(fetched->included), fetched->excluded, name, to_cache);
  if (!text) return text.error();
  cache.commit();
  write(*text);
  return {};
}

}  // namespace

Status run_aws_ec2_mode(const std::string& path, const AwsEc2Request& request, const Environment& env,
                        const TextWriter& write) {
  auto config = aws_ec2::load_aws_ec2_config(path);
  if (!config) return config.error();
  ConfigOverrides overrides = overrides_for(config->connection, request.profile);
  long max_age = config->cache.enabled ? config->cache.timeout_seconds : 0;
  std::string dir = config->cache.connection.empty() ? "~/.ansible/tmp" : config->cache.connection;
  CacheEntry entry = cache_entry(dir, env.home(), cache_key(path, overrides, env), max_age);
  if (!request.refresh_cache && request.host.empty()) {
    auto copied = copy_cache(entry, write);
    if (!copied) return copied.error();
    if (*copied) return {};
  }
  if (!request.refresh_cache && !request.host.empty()) {
    if (auto cached = open_cache(entry)) {
      auto vars = aws_ec2::host_variables(*cached, request.host);
      if (!vars) return vars.error().with_context("read the cached inventory " + entry.path);
      write(aws_ec2::format_inventory_json(*vars));
      return {};
    }
  }
  auto source = open_source(*config, overrides, env);
  if (!source) return source.error();
  if (request.host.empty()) return list(*config, **source, entry, write);
  return host(*config, **source, entry, request.host, write);
}

}  // namespace ec2::inventory
