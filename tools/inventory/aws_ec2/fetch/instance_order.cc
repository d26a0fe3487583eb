// in_botocore_order: dict keys of an instance in the order botocore's parser creates them.

#include "fetch/instance_shapes.h"

namespace ec2::inventory::aws_ec2 {
namespace {

Json reorder(const Json& value, int shape) {
  if (shape < 0) return value;
  const ShapeInfo& info = kAllShapes[static_cast<size_t>(shape)];
  if (info.is_list) {
    if (!value.is_array()) return value;
    Json out = Json::array();
    for (const auto& item : value) out.push_back(reorder(item, info.item));
    return out;
  }
  if (!value.is_object()) return value;
  Json out = Json::object();
  for (int i = 0; i < info.count; ++i) {
    const ShapeMember& m = kAllShapeMembers[static_cast<size_t>(info.first + i)];
    auto it = value.find(m.name);
    if (it != value.end()) out[m.name] = reorder(*it, m.shape);
  }
  for (const auto& [k, v] : value.items()) {
    if (!out.contains(k)) out[k] = v;
  }
  return out;
}

}  // namespace

Json in_botocore_order(const Json& instance) { return reorder(instance, 0); }

}  // namespace ec2::inventory::aws_ec2
