#pragma once
/// Key pairs (DescribeKeyPairs).
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `KeyPairInfo`.
struct KeyPairInfo {
  std::optional<std::string> key_pair_id;  ///< KeyPairId <keyPairId>
  std::optional<std::string> key_fingerprint;  ///< KeyFingerprint <keyFingerprint>
  std::optional<std::string> key_name;  ///< KeyName <keyName>
  std::optional<std::string> key_type;  ///< KeyType <keyType>
  std::optional<Tags> tags;  ///< Tags <tagSet>
  std::optional<std::string> public_key;  ///< PublicKey <publicKey>
  std::optional<Timestamp> create_time;  ///< CreateTime <createTime>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, KeyPairInfo& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const KeyPairInfo& value);

}  // namespace ec2
