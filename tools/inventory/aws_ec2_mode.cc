#include "aws_ec2_mode.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "aws_ec2/aws_ec2.h"
#include "aws_ec2/output/host_lookup.h"
#include "cache.h"
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
  auto source = open_ec2_source(overrides, env);
  if (!source) return source.error();
  if (request.host.empty()) return list(*config, **source, entry, write);
  return host(*config, **source, entry, request.host, write);
}

}  // namespace ec2::inventory
