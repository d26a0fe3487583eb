// Tags of every resource kind: CreateTags, DeleteTags, DescribeTags.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "filters.h"
#include "registry.h"
#include "vpc_peering.h"

namespace ec2::emu {
namespace {

/// Where the tags of a resource live (the peering's home region for connections).
struct TagTarget {
  std::string id;
  TagStore* store = nullptr;
};

Error not_found(std::string_view code, std::string_view what, std::string_view id) {
  return client_error(std::string(code), fmt::format("The {} '{}' does not exist", what, id));
}

/// Resolves `id` to its tag store: InvalidID for an id of no known kind or bad format, the kind's
/// NotFound error when no such resource exists.
Result<TagTarget> resolve(Call& call, const std::string& id) {
  RegionState& region = call.state();
  std::string_view type = resource_type_of(id);
  std::string_view prefix = type.empty() ? std::string_view() : std::string_view(id).substr(0, id.find('-') + 1);
  if (type == "vpc-cidr-association" || type == "security-group-rule") prefix = {};
  if (prefix.empty() || !is_valid_id(id, prefix)) {
    return client_error("InvalidID", fmt::format("The ID '{}' is not valid", id));
  }
  TagTarget target{id, &region.tags};
  if (type == "instance") {
    if (!region.find_instance(id)) return not_found("InvalidInstanceID.NotFound", "instance ID", id);
  } else if (type == "vpc") {
    if (!region.vpcs.count(id)) return not_found("InvalidVpcID.NotFound", "vpc ID", id);
  } else if (type == "subnet") {
    if (!region.subnets.count(id)) return not_found("InvalidSubnetID.NotFound", "subnet ID", id);
  } else if (type == "security-group") {
    if (!region.security_groups.count(id)) return not_found("InvalidGroup.NotFound", "security group ID", id);
  } else if (type == "image") {
    if (!region.images.count(id)) return client_error("InvalidAMIID.NotFound", fmt::format("The image id '[{}]' does not exist", id));
  } else if (type == "key-pair") {
    bool known = std::any_of(region.key_pairs.begin(), region.key_pairs.end(), [&](auto& k) { return k.second.id == id; });
    if (!known) return not_found("InvalidKeyPair.NotFound", "key pair", id);
  } else if (type == "vpc-peering-connection") {
    PeeringRef ref = find_peering(*call.world, region.name, id);
    if (!ref.peering) return peering_not_found(id);
    target.store = &ref.home->tags;
  } else if (type == "dhcp-options") {
    const Vpc* vpc = region.default_vpc();
    if (!vpc || vpc->dhcp_options_id != id) return not_found("InvalidDhcpOptionID.NotFound", "dhcp option ID", id);
  } else {
    return client_error("InvalidID", fmt::format("The ID '{}' is not valid", id));
  }
  return target;
}

Result<std::vector<TagTarget>> resolve_all(Call& call) {
  std::vector<std::string> ids = call.params.list("ResourceId");
  if (ids.empty()) return missing_parameter("ResourceId");
  std::vector<TagTarget> out;
  for (const std::string& id : ids) {
    auto target = resolve(call, id);
    if (!target) return target.error();
    out.push_back(std::move(*target));
  }
  return out;
}

Status check_tag(const Tag& tag) {
  if (tag.key.empty() || tag.key.size() > 128) {
    return invalid_value(fmt::format("Tag key must be between 1 and 128 characters: '{}'", tag.key));
  }
  if (tag.value.size() > 256) return invalid_value(fmt::format("Tag value exceeds the maximum length of 256 characters"));
  if (tag.key.rfind("aws:", 0) == 0) return invalid_value("Tag keys starting with 'aws:' are reserved for internal use");
  return {};
}

Status create_tags(Call& call, XmlWriter& xml) {
  auto targets = resolve_all(call);
  if (!targets) return targets.error();
  auto tags = call.params.tags("Tag");
  if (!tags) return tags.error();
  if (tags->empty()) return missing_parameter("Tag");
  for (const Tag& tag : *tags) EC2_TRY(check_tag(tag));
  for (const TagTarget& target : *targets) {
    if (target.store->count_after(target.id, *tags) > kMaxTagsPerResource) {
      return client_error("TagLimitExceeded", fmt::format("Tag limit exceeded: resource {}", target.id));
    }
  }
  EC2_TRY(call.check_dry_run());
  for (const TagTarget& target : *targets) target.store->set_all(target.id, *tags);
  xml.leaf_bool("return", true);
  return {};
}

Status delete_tags(Call& call, XmlWriter& xml) {
  auto targets = resolve_all(call);
  if (!targets) return targets.error();
  struct Removal {
    std::string key;
    std::optional<std::string> value;  ///< Only delete when the value matches.
  };
  std::vector<Removal> removals;
  for (int n : call.params.indices("Tag")) {
    const std::string* key = call.params.find(fmt::format("Tag.{}.Key", n));
    if (!key) return missing_parameter(fmt::format("Tag.{}.Key", n));
    const std::string* value = call.params.find(fmt::format("Tag.{}.Value", n));
    removals.push_back({*key, value ? std::optional<std::string>(*value) : std::nullopt});
  }
  EC2_TRY(call.check_dry_run());
  for (const TagTarget& target : *targets) {
    if (removals.empty()) {
      Tags current = target.store->of(target.id);
      for (const Tag& tag : current) {
        if (tag.key.rfind("aws:", 0) != 0) target.store->remove(target.id, tag.key);
      }
    }
    for (const Removal& r : removals) target.store->remove(target.id, r.key, r.value ? &*r.value : nullptr);
  }
  xml.leaf_bool("return", true);
  return {};
}

/// One row of DescribeTags.
struct TagRow {
  std::string_view id;
  std::string_view type;
  const Tag* tag;
};

const FilterSet<TagRow>& tag_filters() {
  static const FilterSet<TagRow> set = [] {
    FilterSet<TagRow> s;
    s.value("key", [](const TagRow& r) { return std::string_view(r.tag->key); })
        .field("value", [](const TagRow& r, const EmitValue& emit) { emit(r.tag->value); })
        .value("resource-id", [](const TagRow& r) { return r.id; })
        .value("resource-type", [](const TagRow& r) { return r.type; });
    return s;
  }();
  return set;
}

/// Every (id, tags) visible from the call's region: its own store plus connections of other
/// regions that this region accepts.
std::map<std::string, const Tags*> visible_tags(Call& call) {
  std::map<std::string, const Tags*> out;
  for (auto& [id, tags] : call.state().tags.all()) out[id] = &tags;
  for (const PeeringRef& ref : visible_peerings(*call.world, call.region)) {
    const Tags& tags = ref.home->tags.of(ref.peering->id);
    if (!tags.empty()) out[ref.peering->id] = &tags;
  }
  return out;
}

/// Position `id/index` of a DescribeTags page token.
std::string position_of(std::string_view id, size_t index) { return fmt::format("{}/{}", id, index); }

Status describe_tags(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(tag_filters().validate(*filters));
  auto page = page_request(call.params, "tags", 5, 1000);
  if (!page) return page.error();
  std::string start_id;
  size_t start_index = 0;
  if (!page->position.empty()) {
    size_t slash = page->position.rfind('/');
    start_id = page->position.substr(0, slash);
    std::string_view index = std::string_view(page->position).substr(slash + 1);
    std::from_chars(index.data(), index.data() + index.size(), start_index);
  }
  xml.open("tagSet");
  int64_t written = 0;
  std::string next;
  for (auto& [id, tags] : visible_tags(call)) {
    if (id < start_id) continue;
    for (size_t i = (id == start_id ? start_index : 0); i < tags->size() && next.empty(); ++i) {
      TagRow row{id, resource_type_of(id), &(*tags)[i]};
      if (!tag_filters().matches(row, *filters, call.state().tags)) continue;
      if (page->max_results && written == *page->max_results) {
        next = make_page_token("tags", position_of(id, i));
        break;
      }
      xml.open("item").leaf("resourceId", id).leaf("resourceType", row.type);
      xml.leaf("key", row.tag->key).leaf("value", row.tag->value).close();
      ++written;
    }
    if (!next.empty()) break;
  }
  xml.close();
  xml.leaf_if("nextToken", next);
  return {};
}

void register_tags(ActionRegistry& registry) {
  registry.on("CreateTags", create_tags).on("DeleteTags", delete_tags).on("DescribeTags", describe_tags);
}
EC2EMU_MODULE(register_tags);

}  // namespace
}  // namespace ec2::emu
