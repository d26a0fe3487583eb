#include "ec2/model/security_group.h"

#include "model/security_group_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(IpRange)
EC2_MODEL_DEFINE_IO(Ipv6Range)
EC2_MODEL_DEFINE_IO(PrefixListId)
EC2_MODEL_DEFINE_IO(UserIdGroupPair)
EC2_MODEL_DEFINE_IO(IpPermission)
EC2_MODEL_DEFINE_IO(SecurityGroup)
EC2_MODEL_DEFINE_IO(ReferencedSecurityGroup)
EC2_MODEL_DEFINE_IO(SecurityGroupRule)

}  // namespace ec2
