#include "ec2/model/image.h"

#include "model/image_schema.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(EbsBlockDevice)
EC2_MODEL_DEFINE_IO(BlockDeviceMapping)
EC2_MODEL_DEFINE_IO(Image)

}  // namespace ec2
