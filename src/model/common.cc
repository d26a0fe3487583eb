#include "ec2/model/common.h"

#include "model/common_schema.h"

namespace ec2 {

Status from_xml(pugi::xml_node node, Tag& out) { return model::read_status(node, out); }

nlohmann::json to_json(const Tag& value) { return model::json_value(value); }

EC2_MODEL_DEFINE_IO(InstanceState)
EC2_MODEL_DEFINE_IO(GroupIdentifier)
EC2_MODEL_DEFINE_IO(StateReason)
EC2_MODEL_DEFINE_IO(ProductCode)

}  // namespace ec2
