#pragma once
/// Machine images (DescribeImages).
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `EbsBlockDevice`.
struct EbsBlockDevice {
  std::optional<bool> delete_on_termination;  ///< DeleteOnTermination <deleteOnTermination>
  std::optional<int> iops;  ///< Iops <iops>
  std::optional<std::string> snapshot_id;  ///< SnapshotId <snapshotId>
  std::optional<int> volume_size;  ///< VolumeSize <volumeSize>
  std::optional<std::string> volume_type;  ///< VolumeType <volumeType>
  std::optional<std::string> kms_key_id;  ///< KmsKeyId <kmsKeyId>
  std::optional<int> throughput;  ///< Throughput <throughput>
  std::optional<std::string> outpost_arn;  ///< OutpostArn <outpostArn>
  std::optional<bool> encrypted;  ///< Encrypted <encrypted>
};

/// EC2 `BlockDeviceMapping`.
struct BlockDeviceMapping {
  std::optional<std::string> device_name;  ///< DeviceName <deviceName>
  std::optional<std::string> virtual_name;  ///< VirtualName <virtualName>
  std::optional<EbsBlockDevice> ebs;  ///< Ebs <ebs>
  std::optional<std::string> no_device;  ///< NoDevice <noDevice>
};

/// EC2 `Image`.
struct Image {
  std::optional<std::string> architecture;  ///< Architecture <architecture>
  std::optional<std::string> creation_date;  ///< CreationDate <creationDate>
  std::optional<std::string> image_id;  ///< ImageId <imageId>
  std::optional<std::string> image_location;  ///< ImageLocation <imageLocation>
  std::optional<std::string> image_type;  ///< ImageType <imageType>
  std::optional<bool> is_public;  ///< Public <isPublic>
  std::optional<std::string> kernel_id;  ///< KernelId <kernelId>
  std::optional<std::string> owner_id;  ///< OwnerId <imageOwnerId>
  std::optional<std::string> platform;  ///< Platform <platform>
  std::optional<std::string> platform_details;  ///< PlatformDetails <platformDetails>
  std::optional<std::string> usage_operation;  ///< UsageOperation <usageOperation>
  std::optional<std::vector<ProductCode>> product_codes;  ///< ProductCodes <productCodes>
  std::optional<std::string> ramdisk_id;  ///< RamdiskId <ramdiskId>
  std::optional<std::string> state;  ///< State <imageState>
  std::optional<std::vector<BlockDeviceMapping>> block_device_mappings;  ///< BlockDeviceMappings <blockDeviceMapping>
  std::optional<std::string> description;  ///< Description <description>
  std::optional<bool> ena_support;  ///< EnaSupport <enaSupport>
  std::optional<std::string> hypervisor;  ///< Hypervisor <hypervisor>
  std::optional<std::string> image_owner_alias;  ///< ImageOwnerAlias <imageOwnerAlias>
  std::optional<std::string> name;  ///< Name <name>
  std::optional<std::string> root_device_name;  ///< RootDeviceName <rootDeviceName>
  std::optional<std::string> root_device_type;  ///< RootDeviceType <rootDeviceType>
  std::optional<std::string> sriov_net_support;  ///< SriovNetSupport <sriovNetSupport>
  std::optional<StateReason> state_reason;  ///< StateReason <stateReason>
  std::optional<Tags> tags;  ///< Tags <tagSet>
  std::optional<std::string> virtualization_type;  ///< VirtualizationType <virtualizationType>
  std::optional<std::string> boot_mode;  ///< BootMode <bootMode>
  std::optional<std::string> tpm_support;  ///< TpmSupport <tpmSupport>
  std::optional<std::string> deprecation_time;  ///< DeprecationTime <deprecationTime>
  std::optional<std::string> imds_support;  ///< ImdsSupport <imdsSupport>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, EbsBlockDevice& out);
Status from_xml(pugi::xml_node node, BlockDeviceMapping& out);
Status from_xml(pugi::xml_node node, Image& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const EbsBlockDevice& value);
nlohmann::json to_json(const BlockDeviceMapping& value);
nlohmann::json to_json(const Image& value);

}  // namespace ec2
