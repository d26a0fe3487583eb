#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/tag.h.

#include "ec2/model/tag.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<TagDescription> {
  static constexpr auto fields = std::make_tuple(
      field("Key", "key", &TagDescription::key),
      field("ResourceId", "resourceId", &TagDescription::resource_id),
      field("ResourceType", "resourceType", &TagDescription::resource_type),
      field("Value", "value", &TagDescription::value));
};

}  // namespace ec2::model
