#include "ec2/model/region.h"

#include "model/region_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(Region)
EC2_MODEL_DEFINE_IO(AvailabilityZoneMessage)
EC2_MODEL_DEFINE_IO(AvailabilityZone)

}  // namespace ec2
