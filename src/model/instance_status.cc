#include "ec2/model/instance_status.h"

#include "model/instance_status_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(InstanceStatusEvent)
EC2_MODEL_DEFINE_IO(InstanceStatusDetails)
EC2_MODEL_DEFINE_IO(InstanceStatusSummary)
EC2_MODEL_DEFINE_IO(InstanceStatus)

}  // namespace ec2
