#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/image.h.

#include "ec2/model/image.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<EbsBlockDevice> {
  static constexpr auto fields = std::make_tuple(
      field("DeleteOnTermination", "deleteOnTermination", &EbsBlockDevice::delete_on_termination),
      field("Iops", "iops", &EbsBlockDevice::iops),
      field("SnapshotId", "snapshotId", &EbsBlockDevice::snapshot_id),
      field("VolumeSize", "volumeSize", &EbsBlockDevice::volume_size),
      field("VolumeType", "volumeType", &EbsBlockDevice::volume_type),
      field("KmsKeyId", "kmsKeyId", &EbsBlockDevice::kms_key_id),
      field("Throughput", "throughput", &EbsBlockDevice::throughput),
      field("OutpostArn", "outpostArn", &EbsBlockDevice::outpost_arn),
      field("Encrypted", "encrypted", &EbsBlockDevice::encrypted));
};

template <>
struct Schema<BlockDeviceMapping> {
  static constexpr auto fields = std::make_tuple(
      field("DeviceName", "deviceName", &BlockDeviceMapping::device_name),
      field("VirtualName", "virtualName", &BlockDeviceMapping::virtual_name),
      field("Ebs", "ebs", &BlockDeviceMapping::ebs),
      field("NoDevice", "noDevice", &BlockDeviceMapping::no_device));
};

template <>
struct Schema<Image> {
  static constexpr auto fields = std::make_tuple(
      field("Architecture", "architecture", &Image::architecture),
      field("CreationDate", "creationDate", &Image::creation_date),
      field("ImageId", "imageId", &Image::image_id),
      field("ImageLocation", "imageLocation", &Image::image_location),
      field("ImageType", "imageType", &Image::image_type),
      field("Public", "isPublic", &Image::is_public),
      field("KernelId", "kernelId", &Image::kernel_id),
      field("OwnerId", "imageOwnerId", &Image::owner_id),
      field("Platform", "platform", &Image::platform),
      field("PlatformDetails", "platformDetails", &Image::platform_details),
      field("UsageOperation", "usageOperation", &Image::usage_operation),
      field("ProductCodes", "productCodes", &Image::product_codes),
      field("RamdiskId", "ramdiskId", &Image::ramdisk_id),
      field("State", "imageState", &Image::state),
      field("BlockDeviceMappings", "blockDeviceMapping", &Image::block_device_mappings),
      field("Description", "description", &Image::description),
      field("EnaSupport", "enaSupport", &Image::ena_support),
      field("Hypervisor", "hypervisor", &Image::hypervisor),
      field("ImageOwnerAlias", "imageOwnerAlias", &Image::image_owner_alias),
      field("Name", "name", &Image::name),
      field("RootDeviceName", "rootDeviceName", &Image::root_device_name),
      field("RootDeviceType", "rootDeviceType", &Image::root_device_type),
      field("SriovNetSupport", "sriovNetSupport", &Image::sriov_net_support),
      field("StateReason", "stateReason", &Image::state_reason),
      field("Tags", "tagSet", &Image::tags),
      field("VirtualizationType", "virtualizationType", &Image::virtualization_type),
      field("BootMode", "bootMode", &Image::boot_mode),
      field("TpmSupport", "tpmSupport", &Image::tpm_support),
      field("DeprecationTime", "deprecationTime", &Image::deprecation_time),
      field("ImdsSupport", "imdsSupport", &Image::imds_support));
};

}  // namespace ec2::model
