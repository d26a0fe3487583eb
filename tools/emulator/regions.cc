// DescribeRegions and DescribeAvailabilityZones.
#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "api_error.h"
#include "filters.h"
#include "registry.h"

namespace ec2::emu {
namespace {

struct RegionRow {
  std::string name;
  std::string endpoint;
  std::string opt_in;
};

struct ZoneRow {
  std::string name;
  std::string id;
  std::string region;
};

const FilterSet<RegionRow>& region_filters() {
  static const FilterSet<RegionRow> set = [] {
    FilterSet<RegionRow> s;
    s.value("region-name", [](const RegionRow& r) { return std::string_view(r.name); })
        .value("endpoint", [](const RegionRow& r) { return std::string_view(r.endpoint); })
        .value("opt-in-status", [](const RegionRow& r) { return std::string_view(r.opt_in); });
    return s;
  }();
  return set;
}

const FilterSet<ZoneRow>& zone_filters() {
  static const FilterSet<ZoneRow> set = [] {
    FilterSet<ZoneRow> s;
    s.value("zone-name", [](const ZoneRow& z) { return std::string_view(z.name); })
        .value("zone-id", [](const ZoneRow& z) { return std::string_view(z.id); })
        .value("region-name", [](const ZoneRow& z) { return std::string_view(z.region); })
        .value("group-name", [](const ZoneRow& z) { return std::string_view(z.region); })
        .value("state", [](const ZoneRow&) { return std::string_view("available"); })
        .value("zone-type", [](const ZoneRow&) { return std::string_view("availability-zone"); })
        .value("opt-in-status", [](const ZoneRow&) { return std::string_view("opt-in-not-required"); });
    return s;
  }();
  return set;
}

/// Short form of a region word: east → e, northeast → ne, …; other words keep two letters.
std::string_view short_word(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"east", "e"},       {"west", "w"},       {"south", "s"},      {"north", "n"},     {"central", "c"},
      {"northeast", "ne"}, {"southeast", "se"}, {"northwest", "nw"}, {"southwest", "sw"}};
  for (auto& [full, abbreviation] : kWords) {
    if (word == full) return abbreviation;
  }
  return word.substr(0, 2);
}

/// `use1-az1` style zone id: the region's words shortened, then the zone index.
std::string zone_id(std::string_view region, size_t index) {
  std::string prefix;
  size_t start = 0;
  while (start <= region.size()) {
    size_t dash = region.find('-', start);
    std::string_view word = region.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
    prefix += std::isdigit(static_cast<unsigned char>(word.empty() ? 'x' : word[0])) ? word : short_word(word);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return fmt::format("{}-az{}", prefix, index + 1);
}

Status describe_regions(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(region_filters().validate(*filters));
  auto all = call.params.boolean("AllRegions");
  if (!all) return all.error();
  std::vector<std::string> names = call.params.list("RegionName");
  for (const std::string& name : names) {
    bool known = std::any_of(standard_regions().begin(), standard_regions().end(),
                             [&](const RegionInfo& r) { return r.name == name; });
    if (!known) return invalid_value(fmt::format("Invalid region: {}", name));
  }
  TagStore none;
  xml.open("regionInfo");
  for (const RegionInfo& info : standard_regions()) {
    RegionRow row{std::string(info.name), fmt::format("ec2.{}.amazonaws.com", info.name),
                  info.opt_in_required ? "not-opted-in" : "opt-in-not-required"};
    bool named = std::find(names.begin(), names.end(), row.name) != names.end();
    if (info.opt_in_required && !*all && !named) continue;
    if (!names.empty() && !named) continue;
    if (!region_filters().matches(row, *filters, none)) continue;
    xml.open("item").leaf("regionName", row.name).leaf("regionEndpoint", row.endpoint);
    xml.leaf("optInStatus", row.opt_in).close();
  }
  xml.close();
  return {};
}

Status describe_availability_zones(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(zone_filters().validate(*filters));
  std::vector<std::string> names = call.params.list("ZoneName");
  std::vector<std::string> ids = call.params.list("ZoneId");
  std::vector<ZoneRow> rows;
  std::vector<std::string> zones = call.state().zones();
  for (size_t i = 0; i < zones.size(); ++i) rows.push_back({zones[i], zone_id(call.region, i), call.region});
  for (const std::string& name : names) {
    if (std::none_of(rows.begin(), rows.end(), [&](const ZoneRow& z) { return z.name == name; })) {
      return invalid_value(fmt::format("The zone '{}' does not exist.", name));
    }
  }
  TagStore none;
  xml.open("availabilityZoneInfo");
  for (const ZoneRow& zone : rows) {
    if (!names.empty() && std::find(names.begin(), names.end(), zone.name) == names.end()) continue;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), zone.id) == ids.end()) continue;
    if (!zone_filters().matches(zone, *filters, none)) continue;
    xml.open("item").leaf("zoneName", zone.name).leaf("zoneState", "available").leaf("regionName", zone.region);
    xml.leaf("zoneId", zone.id).leaf("groupName", zone.region).leaf("optInStatus", "opt-in-not-required");
    xml.leaf("networkBorderGroup", zone.region).leaf("zoneType", "availability-zone").empty("messageSet");
    xml.close();
  }
  xml.close();
  return {};
}

void register_regions(ActionRegistry& registry) {
  registry.on("DescribeRegions", describe_regions).on("DescribeAvailabilityZones", describe_availability_zones);
}
EC2EMU_MODULE(register_regions);

}  // namespace
}  // namespace ec2::emu
