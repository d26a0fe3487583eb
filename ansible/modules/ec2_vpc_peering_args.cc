// ec2_vpc_peering: argument spec and option conversion.
#include <cmath>

#include "ec2_vpc_peering.h"

namespace ec2::ansible::vpc_peering {

using nlohmann::json;

ModuleSpec spec() {
  ModuleSpec s;
  s.name = "ec2_vpc_peering";
  s.add("vpc_id", ArgType::Str);
  s.add("peer_vpc_id", ArgType::Str);
  s.add("peer_region", ArgType::Str);
  s.add("peering_id", ArgType::Str);
  s.add("peer_owner_id", ArgType::Str);
  s.add("tags", ArgType::Dict, nullptr, {}, {"resource_tags"});
  s.add("purge_tags", ArgType::Bool, true);
  s.add("state", ArgType::Str, "present", {"present", "absent", "accept", "reject"});
  s.add("wait", ArgType::Bool, false);
  s.add("wait_timeout", ArgType::Int, 600);
  for (auto& arg : aws_common_args()) s.args.push_back(std::move(arg));
  s.required_if = {
      {"state", "present", {"vpc_id", "peer_vpc_id"}, false},
      {"state", "accept", {"peering_id"}, false},
      {"state", "reject", {"peering_id"}, false},
  };
  return s;
}

namespace {

Error option_error(std::string message) {
  return make_error(ErrorCategory::Client, "InvalidArgument", std::move(message));
}

/// A tag value as Python's str() prints it (Ansible passes dict values through unconverted).
Result<std::string> tag_value(const std::string& key, const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return std::string(value.get<bool>() ? "True" : "False");
  if (value.is_null()) return std::string("None");
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e16) {
      return std::to_string(static_cast<long long>(d)) + ".0";
    }
    return value.dump();
  }
  if (value.is_number()) return value.dump();
  return option_error("The value of tag '" + key + "' must be a string, got a " +
                      (value.is_array() ? "list" : "dict"));
}

}  // namespace

Result<Args> read_args(const Module& module) {
  Args a;
  a.vpc_id = module.str("vpc_id");
  a.peer_vpc_id = module.str("peer_vpc_id");
  a.peer_region = module.str("peer_region");
  a.peer_owner_id = module.str("peer_owner_id");
  a.peering_id = module.str("peering_id");
  a.state = module.str("state").value_or("present");
  a.purge_tags = module.flag("purge_tags").value_or(true);
  a.wait = module.flag("wait").value_or(false);
  long long timeout = module.integer("wait_timeout").value_or(600);
  if (timeout < 1) return option_error("wait_timeout must be at least 1 (seconds), got " + std::to_string(timeout));
  a.wait_timeout = std::chrono::seconds(timeout);
  if (module.is_set("tags")) {
    vpc::TagMap tags;
    for (const auto& [key, value] : module.dict("tags").items()) {
      auto text = tag_value(key, value);
      if (!text) return text.error();
      tags[key] = *text;
    }
    a.tags = std::move(tags);
  }
  if (a.state == "absent" && !a.peering_id && (!a.vpc_id || !a.peer_vpc_id)) {
    return option_error("state is absent but one of the following is missing: peering_id or [vpc_id, peer_vpc_id]");
  }
  return a;
}

}  // namespace ec2::ansible::vpc_peering
