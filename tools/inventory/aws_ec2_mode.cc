#include "aws_ec2_mode.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "aws_ec2/aws_ec2.h"
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

/// Fetches the plan's instances and hands the `--list` document text to `write`; `after` says
/// whether the program exits once it is written.
Status fetch_and_write(const aws_ec2::AwsEc2Config& config, InstanceSource& source, const TextWriter& write,
                       aws_ec2::AfterWriting after) {
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
  std::vector<InstanceRecord> excluded;
  if (!config.plan.exclude_filter_sets.empty()) {
    fetch.filter_sets = config.plan.exclude_filter_sets;
    fetch.prepare = [](InstanceRecord&) {};  // only ids are needed: nothing is kept
    auto records = source.fetch(fetch);
    if (!records) return records.error();
    excluded = std::move(*records);
  }
  return aws_ec2::write_inventory(config, std::move(*included), excluded, write, after);
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

/// A fetched `--list` written to `write` and, when `entry` is enabled, to a new cache entry as
/// it goes (committed only when the whole run succeeded; a cache that cannot be written is a
/// warning, never a failed run).
Status list_and_cache(const aws_ec2::AwsEc2Config& config, InstanceSource& source, const CacheEntry& entry,
                      const TextWriter& write) {
  std::optional<CacheFile> cache;
  if (entry.max_age_seconds > 0) {
    auto file = CacheFile::create(entry);
    if (file) {
      cache.emplace(std::move(*file));
    } else {
      warn(file.error());
    }
  }
  std::optional<Error> cache_error;
  auto write_both = [&](std::string_view piece) {
    write(piece);
    if (!cache) return;
    if (Status appended = cache->append(piece); !appended) {
      cache_error = appended.error();
      cache.reset();
    }
  };
  // The program's last step: the inventory is left for the process's exit to free.
  Status listed = fetch_and_write(config, source, write_both, aws_ec2::AfterWriting::KeepUntilExit);
  if (!listed) return listed;
  if (cache) {
    if (Status committed = cache->commit(); !committed) cache_error = committed.error();
  }
  if (cache_error) warn(*cache_error);
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
  if (request.host.empty()) {
    if (!request.refresh_cache) {
      auto copied = copy_cache(entry, write);
      if (!copied) return copied.error();
      if (*copied) return {};
    }
    auto source = open_ec2_source(overrides, env);
    if (!source) return source.error();
    return list_and_cache(*config, **source, entry, write);
  }
  std::optional<std::string> text;
  if (!request.refresh_cache) text = read_cache(entry);
  if (!text) {
    auto source = open_ec2_source(overrides, env);
    if (!source) return source.error();
    text.emplace();
    Status built = fetch_and_write(*config, **source, [&](std::string_view piece) { *text += piece; },
                                   aws_ec2::AfterWriting::Free);
    if (!built) return built.error();
    if (max_age > 0) {
      if (Status written = write_cache(entry, *text); !written) warn(written.error());
    }
  }
  nlohmann::json inventory = nlohmann::json::parse(*text, nullptr, false);
  write(aws_ec2::format_inventory_json(aws_ec2::host_variables(inventory, request.host)));
  return {};
}

}  // namespace ec2::inventory
