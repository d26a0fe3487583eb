#include "ec2/model/tag.h"

#include "model/tag_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(TagDescription)

}  // namespace ec2
