#include "fetch/hostvars.h"

#include <regex>

#include "ec2/model/snake_case.h"
#include "fetch/instance_shapes.h"
#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// `2024-01-02T03:04:05.120Z` → `2024-01-02T03:04:05.120000+00:00` (datetime.isoformat()).
std::string isoformat(const std::string& text) {
  static const std::regex iso(R"((\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6})\d*)?(Z|[+-]\d{2}:?\d{2})?)");
  std::smatch m;
  if (!std::regex_match(text, m, iso)) return text;
  std::string out = m.str(1) + "T" + m.str(2);
  std::string frac = m.str(3);
  if (!frac.empty() && frac.find_first_not_of('0') != std::string::npos) out += "." + frac + std::string(6 - frac.size(), '0');
  std::string zone = m.str(4);
  if (zone.empty() || zone == "Z") return out + "+00:00";
  if (zone.size() == 5) zone.insert(3, ":");
  return out + zone;
}

/// Rewrites timestamp members in place as boto3's datetimes print.
void convert_timestamps(Json& v) {
  if (v.is_object()) {
    for (auto& [k, x] : v.items()) {
      if (is_timestamp_key(k) && x.is_string()) x = isoformat(x.get<std::string>());
      else convert_timestamps(x);
    }
  } else if (v.is_array()) {
    for (auto& x : v) convert_timestamps(x);
  }
}

/// boto3_tag_list_to_ansible_dict: [{"Key": k, "Value": v}...] → {k: v}.
Json tags_dict(const Json& tags) {
  Json out = Json::object();
  if (!tags.is_array()) return out;
  for (const auto& t : tags) {
    if (!t.is_object()) continue;
    const char* key = t.contains("Key") ? "Key" : "key";
    const char* value = t.contains("Value") ? "Value" : "value";
    if (t.contains(key) && t[key].is_string()) out[t[key].get<std::string>()] = t.value(value, Json(""));
  }
  return out;
}

}  // namespace

bool is_timestamp_key(std::string_view k) {
  return k == "LaunchTime" || k == "AttachTime" || k == "UsageOperationUpdateTime" ||
         k == "ElasticInferenceAcceleratorAssociationTime";
}

std::string datetime_str(const std::string& isoformat) {
  std::string out = isoformat;
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return out;
}

Json boto3_instance(const InstanceRecord& record) {
  return boto3_instance(record, [](std::string_view) { return true; });
}

namespace {
/// Adds what boto3_instance adds to the instance dict of `record`, the members `keep` accepts.
Json with_reservation(Json instance, const InstanceRecord& record, const std::function<bool(std::string_view)>& keep) {
  convert_timestamps(instance);
  if (keep("OwnerId")) instance["OwnerId"] = record.owner_id;
  if (keep("RequesterId")) instance["RequesterId"] = record.requester_id;
  if (keep("ReservationId")) instance["ReservationId"] = record.reservation_id;
  return instance;
}
}  // namespace

Json boto3_instance(const InstanceRecord& record, const std::function<bool(std::string_view)>& keep) {
  return with_reservation(record.typed ? to_ordered_json(*record.typed, keep) : in_botocore_order(record.instance),
                          record, keep);
}

Json boto3_instance_from_members(Json members, const InstanceRecord& record,
                                 const std::function<bool(std::string_view)>& keep) {
  return with_reservation(std::move(members), record, keep);
}

Error no_availability_zone(std::string_view instance_id) {
  return make_error(ErrorCategory::Parse, std::string(kNoAvailabilityZone),
                    "instance " + std::string(instance_id) + " has no Placement.AvailabilityZone");
}

Result<Json> instance_hostvars(const Json& instance, const HostvarOptions& options) {
  Json vars = Json::object();
  for (const auto& [k, v] : instance.items()) vars[camel_to_snake(k)] = k == "Tags" ? v : snake_case_keys(v);
  vars["tags"] = tags_dict(instance.value("Tags", Json::array()));
  const Json* az = vars.contains("placement") ? &vars["placement"] : nullptr;
  if (!az || !az->is_object() || !az->contains("availability_zone") || !(*az)["availability_zone"].is_string()) {
    return no_availability_zone(instance.value("InstanceId", std::string("?")));
  }
  std::u32string zone = unicode::decode(vars["placement"]["availability_zone"].get<std::string>());
  vars["placement"]["region"] = unicode::encode(zone.substr(0, zone.empty() ? 0 : zone.size() - 1));
  if (options.contrib_tag_keys) {
    const Json tags = vars["tags"];  // a copy: adding members to `vars` may move its members
    for (const auto& [k, v] : tags.items()) vars["ec2_tag_" + k] = v;
  }
  if (options.prefix.empty() && options.suffix.empty()) return vars;
  Json renamed = Json::object();
  for (auto& [k, v] : vars.items()) renamed[options.prefix + k + options.suffix] = std::move(v);
  return renamed;
}

}  // namespace ec2::inventory::aws_ec2
