#pragma once
/// Shapes shared by several resources (instance state, group identifiers, state reasons, product codes).
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/timestamp.h"
#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2 {

/// EC2 `InstanceState`.
struct InstanceState {
  std::optional<int> code;  ///< Code <code>
  std::optional<std::string> name;  ///< Name <name>
};

/// EC2 `GroupIdentifier`.
struct GroupIdentifier {
  std::optional<std::string> group_name;  ///< GroupName <groupName>
  std::optional<std::string> group_id;  ///< GroupId <groupId>
};

/// EC2 `StateReason`.
struct StateReason {
  std::optional<std::string> code;  ///< Code <code>
  std::optional<std::string> message;  ///< Message <message>
};

/// EC2 `ProductCode`.
struct ProductCode {
  std::optional<std::string> product_code_id;  ///< ProductCodeId <productCode>
  std::optional<std::string> product_code_type;  ///< ProductCodeType <type>
};

/// Reads a `Tag` (`<key>`, `<value>`).
Status from_xml(pugi::xml_node node, Tag& out);
/// `{"Key": ..., "Value": ...}`.
nlohmann::json to_json(const Tag& value);
/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, InstanceState& out);
Status from_xml(pugi::xml_node node, GroupIdentifier& out);
Status from_xml(pugi::xml_node node, StateReason& out);
Status from_xml(pugi::xml_node node, ProductCode& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const InstanceState& value);
nlohmann::json to_json(const GroupIdentifier& value);
nlohmann::json to_json(const StateReason& value);
nlohmann::json to_json(const ProductCode& value);

}  // namespace ec2
