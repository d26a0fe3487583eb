#include "ec2/model/key_pair.h"

#include "model/key_pair_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(KeyPairInfo)

}  // namespace ec2
