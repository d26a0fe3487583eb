#include "ec2/model/vpc.h"

#include "model/vpc_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(VpcCidrBlockState)
EC2_MODEL_DEFINE_IO(VpcIpv6CidrBlockAssociation)
EC2_MODEL_DEFINE_IO(VpcCidrBlockAssociation)
EC2_MODEL_DEFINE_IO(Vpc)

}  // namespace ec2
