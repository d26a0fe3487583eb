#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/key_pair.h.

#include "ec2/model/key_pair.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<KeyPairInfo> {
  static constexpr auto fields = std::make_tuple(
      field("KeyPairId", "keyPairId", &KeyPairInfo::key_pair_id),
      field("KeyFingerprint", "keyFingerprint", &KeyPairInfo::key_fingerprint),
      field("KeyName", "keyName", &KeyPairInfo::key_name),
      field("KeyType", "keyType", &KeyPairInfo::key_type),
      field("Tags", "tagSet", &KeyPairInfo::tags),
      field("PublicKey", "publicKey", &KeyPairInfo::public_key),
      field("CreateTime", "createTime", &KeyPairInfo::create_time));
};

}  // namespace ec2::model
