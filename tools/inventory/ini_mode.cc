#include "ini_mode.h"

#include <algorithm>
#include <cstdio>

#include "ec2/sts.h"
#include "cache.h"
#include "contrib_inventory.h"
#include "python_json.h"

namespace ec2::inventory {
namespace {

using nlohmann::json;

/// Overrides for Client::create from the profile and the [credentials] section.
ConfigOverrides overrides_for(const Ec2IniSettings& settings) {
  ConfigOverrides overrides;
  if (!settings.boto_profile.empty()) overrides.profile = settings.boto_profile;
  if (!settings.access_key_id.empty()) {
    overrides.access_key_id = settings.access_key_id;
    overrides.secret_access_key = settings.secret_access_key;
    if (!settings.session_token.empty()) overrides.session_token = settings.session_token;
  }
  return overrides;
}

/// The region `regions = auto` means: AWS_REGION, AWS_DEFAULT_REGION, then the profile's.
std::string auto_region(const Ec2IniSettings& settings, const Environment& env) {
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
    if (auto value = env.get(name); value && !value->empty()) return *value;
  }
  ConfigOverrides overrides = overrides_for(settings);
  overrides.no_credentials = true;  // only the region is wanted: no STS call, no MFA prompt
  auto config = resolve_config(overrides, env);
  return config ? config->region : std::string();
}

/// The run's one instance source, opened on first use: a run served from the cache opens none,
/// and a --host run that fetches twice assumes its iam_role once.
class RunSource {
 public:
  RunSource(const Ec2IniSettings& settings, const SourceFactory& make) : settings_(settings), make_(make) {}

  Result<InstanceSource*> get() {
    if (!source_) {
      auto made = make_(SourceSpec{overrides_for(settings_), settings_.iam_role});
      if (!made) return made.error();
      source_ = std::move(*made);
    }
    return source_.get();
  }

 private:
  const Ec2IniSettings& settings_;
  const SourceFactory& make_;
  std::unique_ptr<InstanceSource> source_;
};

/// Everything that changes the result besides time: config text, filters from the environment,
/// who we are (and which role we work as) and where we ask.
std::string cache_key(const Ec2IniSettings& settings, const IniRequest& request,
                      const Environment& env) {
  std::string key = "ec2-inventory ini v1\n" + request.config_text + "\n";
  for (const char* name : {"EC2_INSTANCE_FILTERS", "AWS_ACCESS_KEY_ID", "AWS_REGION",
                           "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_EC2"}) {
    key += std::string(name) + "=" + env.get(name).value_or("") + "\n";
  }
  key += "profile=" + settings.boto_profile + "\nkey=" + settings.access_key_id + "\n";
  key += "role=" + settings.iam_role + "\n";
  return key;
}

CacheEntry cache_for(const Ec2IniSettings& settings, const IniRequest& request,
                     const Environment& env) {
  std::string dir = settings.cache_path;
  if (!settings.boto_profile.empty()) dir += "/profile_" + settings.boto_profile;
  return cache_entry(dir, env.home(), cache_key(settings, request, env), settings.cache_max_age);
}

/// Fetches and builds the inventory document.
Result<json> fetch_inventory(const Ec2IniSettings& settings, const Environment& env,
                             InstanceSource& source) {
  auto regions = resolve_regions(settings, auto_region(settings, env), source);
  if (!regions) return regions.error();
  FetchRequest fetch;
  fetch.regions = std::move(*regions);
  fetch.filter_sets = query_filter_sets(settings);
  auto records = source.fetch(fetch);
  if (!records) return records.error();
  return build_contrib_inventory(settings, *records);
}

/// The inventory text, from the cache when it is fresh, else fetched (and cached).
Result<std::string> inventory_text(const Ec2IniSettings& settings, const IniRequest& request,
                                   const Environment& env, RunSource& run_source, bool allow_cache) {
  CacheEntry entry = cache_for(settings, request, env);
  if (allow_cache && !request.refresh_cache) {
    if (auto cached = read_cache(entry)) return std::move(*cached);
  }
  auto source = run_source.get();
  if (!source) return source.error();
  auto inventory = fetch_inventory(settings, env, **source);
  if (!inventory) return inventory.error();
  std::string text = python_json_dumps(*inventory);
  if (settings.cache_max_age > 0) {
    if (Status written = write_cache(entry, text); !written) {
      std::fprintf(stderr, "warning: %s\n", to_string(written.error()).c_str());
    }
  }
  return text;
}

/// `--host`: the host's variables fetched afresh (as ec2.py did), `{}` when unknown.
Result<std::string> host_text(const Ec2IniSettings& settings, const IniRequest& request,
                              const Environment& env, RunSource& run_source) {
  json inventory;
  for (bool allow_cache : {true, false}) {
    auto text = inventory_text(settings, request, env, run_source, allow_cache);
    if (!text) return text.error();
    inventory = json::parse(*text, nullptr, false);
    const json& hostvars = inventory["_meta"]["hostvars"];
    if (hostvars.is_object() && hostvars.contains(request.host)) break;
    if (request.refresh_cache) break;
  }
  const json& vars = inventory["_meta"]["hostvars"];
  if (!vars.is_object() || !vars.contains(request.host)) return std::string("{}");
  const json& host = vars[request.host];
  auto source = run_source.get();
  if (!source) return source.error();
  FetchRequest fetch;
  fetch.regions = {host.value("ec2_region", "")};
  fetch.filter_sets = {{{"instance-id", {host.value("ec2_id", "")}}}};
  auto records = (*source)->fetch(fetch);
  if (!records) return records.error();
  if (records->empty()) return std::string("{}");
  std::optional<std::string> account;
  if (host.contains("ec2_account_id") && host["ec2_account_id"].is_string()) {
    account = host["ec2_account_id"].get<std::string>();
  }
  return python_json_dumps(contrib_host_document(settings, records->front(), account));
}

/// A source whose every call (DescribeRegions included) is made as `spec.iam_role`, assumed
/// once from a client with the spec's credentials.
Result<std::unique_ptr<InstanceSource>> open_role_source(const SourceSpec& spec, const Environment& env) {
  auto caller = open_client(spec.overrides, env);
  if (!caller) return caller.error();
  auto client = with_assumed_role(*caller, {spec.iam_role, kIamRoleSessionName, std::nullopt, std::nullopt, ""});
  if (!client) return client.error();
  if (const DebugSink& debug = debug_sink()) debug("credentials from " + client->config().credentials.identity);
  return make_ec2_source(std::move(*client));
}

}  // namespace

Result<std::vector<std::string>> resolve_regions(const Ec2IniSettings& settings,
                                                 const std::string& configured_region,
                                                 InstanceSource& source) {
  switch (settings.region_mode) {
    case RegionMode::List: return settings.regions;
    case RegionMode::Auto:
      if (configured_region.empty()) {
        return make_error(ErrorCategory::Config, "NoRegion",
                          settings.path + ": regions = auto, but no region is configured (set "
                                          "AWS_REGION or AWS_DEFAULT_REGION)");
      }
      return std::vector<std::string>{configured_region};
    case RegionMode::All: break;
  }
  auto all = source.describe_regions();
  if (!all) return all.error();
  std::vector<std::string> regions;
  for (const std::string& region : *all) {
    const auto& exclude = settings.regions_exclude;
    if (std::find(exclude.begin(), exclude.end(), region) == exclude.end()) regions.push_back(region);
  }
  return regions;
}

SourceFactory ec2_source_factory(const Environment& env) {
  return [&env](const SourceSpec& spec) {
    return spec.iam_role.empty() ? open_ec2_source(spec.overrides, env) : open_role_source(spec, env);
  };
}

Result<std::string> run_ini_mode(const Ec2IniSettings& settings, const IniRequest& request,
                                 const Environment& env, const SourceFactory& make_source) {
  RunSource source(settings, make_source);
  if (!request.host.empty()) return host_text(settings, request, env, source);
  return inventory_text(settings, request, env, source, true);
}

}  // namespace ec2::inventory
