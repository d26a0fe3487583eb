// ec2_vpc_peering: the returned connection (boto3 shape, snake_cased, tags as a dict).
#include <algorithm>
#include <cctype>
#include <regex>

#include "ec2_vpc_peering.h"

namespace ec2::ansible::vpc_peering {

using nlohmann::json;

namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string camel_to_snake(std::string_view name) {
  static const std::regex plural_abbreviation("[A-Z]{3,}s$");
  static const std::regex first_cap("(.)([A-Z][a-z]+)");
  static const std::regex all_cap("([a-z0-9])([A-Z]+)");
  std::string s1(name);
  std::smatch m;
  if (std::regex_search(s1, m, plural_abbreviation)) {
    // "TargetGroupARNs" → "TargetGroup_arns"; nothing before the match: no underscore.
    std::string prefix = s1.substr(0, static_cast<size_t>(m.position()));
    s1 = prefix + (prefix.empty() ? "" : "_") + lower(m.str());
  }
  std::string s2 = std::regex_replace(s1, first_cap, "$1_$2");
  return lower(std::regex_replace(s2, all_cap, "$1_$2"));
}

json snake_case_keys(const json& value) {
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, item] : value.items()) out[camel_to_snake(key)] = snake_case_keys(item);
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value) out.push_back(snake_case_keys(item));
    return out;
  }
  return value;
}

json connection_result(const VpcPeeringConnection& connection) {
  json out = snake_case_keys(to_json(connection));
  out["tags"] = vpc::to_json(vpc::to_tag_map(connection.tags.value_or(Tags{})));
  return out;
}

bool is_live(std::string_view status) {
  static constexpr std::string_view live[] = {"initiating-request", "pending-acceptance", "provisioning", "active"};
  return std::find(std::begin(live), std::end(live), status) != std::end(live);
}

}  // namespace ec2::ansible::vpc_peering
