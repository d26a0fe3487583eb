#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/common.h.

#include "ec2/model/common.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<InstanceState> {
  static constexpr auto fields = std::make_tuple(
      field("Code", "code", &InstanceState::code),
      field("Name", "name", &InstanceState::name));
};

template <>
struct Schema<GroupIdentifier> {
  static constexpr auto fields = std::make_tuple(
      field("GroupName", "groupName", &GroupIdentifier::group_name),
      field("GroupId", "groupId", &GroupIdentifier::group_id));
};

template <>
struct Schema<StateReason> {
  static constexpr auto fields = std::make_tuple(
      field("Code", "code", &StateReason::code),
      field("Message", "message", &StateReason::message));
};

template <>
struct Schema<ProductCode> {
  static constexpr auto fields = std::make_tuple(
      field("ProductCodeId", "productCode", &ProductCode::product_code_id),
      field("ProductCodeType", "type", &ProductCode::product_code_type));
};

}  // namespace ec2::model
