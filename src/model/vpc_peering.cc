#include "ec2/model/vpc_peering.h"

#include "model/vpc_peering_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(Ipv6CidrBlock)
EC2_MODEL_DEFINE_IO(CidrBlock)
EC2_MODEL_DEFINE_IO(VpcPeeringConnectionOptionsDescription)
EC2_MODEL_DEFINE_IO(VpcPeeringConnectionVpcInfo)
EC2_MODEL_DEFINE_IO(VpcPeeringConnectionStateReason)
EC2_MODEL_DEFINE_IO(VpcPeeringConnection)

}  // namespace ec2
