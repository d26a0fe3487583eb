#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/instance.h.

#include "ec2/model/instance.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<Monitoring> {
  static constexpr auto fields = std::make_tuple(
      field("State", "state", &Monitoring::state));
};

template <>
struct Schema<Placement> {
  static constexpr auto fields = std::make_tuple(
      field("AvailabilityZone", "availabilityZone", &Placement::availability_zone),
      field("Affinity", "affinity", &Placement::affinity),
      field("GroupName", "groupName", &Placement::group_name),
      field("PartitionNumber", "partitionNumber", &Placement::partition_number),
      field("HostId", "hostId", &Placement::host_id),
      field("Tenancy", "tenancy", &Placement::tenancy),
      field("SpreadDomain", "spreadDomain", &Placement::spread_domain),
      field("HostResourceGroupArn", "hostResourceGroupArn", &Placement::host_resource_group_arn),
      field("GroupId", "groupId", &Placement::group_id));
};

template <>
struct Schema<EbsInstanceBlockDevice> {
  static constexpr auto fields = std::make_tuple(
      field("AttachTime", "attachTime", &EbsInstanceBlockDevice::attach_time),
      field("DeleteOnTermination", "deleteOnTermination", &EbsInstanceBlockDevice::delete_on_termination),
      field("Status", "status", &EbsInstanceBlockDevice::status),
      field("VolumeId", "volumeId", &EbsInstanceBlockDevice::volume_id));
};

template <>
struct Schema<InstanceBlockDeviceMapping> {
  static constexpr auto fields = std::make_tuple(
      field("DeviceName", "deviceName", &InstanceBlockDeviceMapping::device_name),
      field("Ebs", "ebs", &InstanceBlockDeviceMapping::ebs));
};

template <>
struct Schema<IamInstanceProfile> {
  static constexpr auto fields = std::make_tuple(
      field("Arn", "arn", &IamInstanceProfile::arn),
      field("Id", "id", &IamInstanceProfile::id));
};

template <>
struct Schema<ElasticGpuAssociation> {
  static constexpr auto fields = std::make_tuple(
      field("ElasticGpuId", "elasticGpuId", &ElasticGpuAssociation::elastic_gpu_id),
      field("ElasticGpuAssociationId", "elasticGpuAssociationId", &ElasticGpuAssociation::elastic_gpu_association_id),
      field("ElasticGpuAssociationState", "elasticGpuAssociationState", &ElasticGpuAssociation::elastic_gpu_association_state),
      field("ElasticGpuAssociationTime", "elasticGpuAssociationTime", &ElasticGpuAssociation::elastic_gpu_association_time));
};

template <>
struct Schema<ElasticInferenceAcceleratorAssociation> {
  static constexpr auto fields = std::make_tuple(
      field("ElasticInferenceAcceleratorArn", "elasticInferenceAcceleratorArn", &ElasticInferenceAcceleratorAssociation::elastic_inference_accelerator_arn),
      field("ElasticInferenceAcceleratorAssociationId", "elasticInferenceAcceleratorAssociationId", &ElasticInferenceAcceleratorAssociation::elastic_inference_accelerator_association_id),
      field("ElasticInferenceAcceleratorAssociationState", "elasticInferenceAcceleratorAssociationState", &ElasticInferenceAcceleratorAssociation::elastic_inference_accelerator_association_state),
      field("ElasticInferenceAcceleratorAssociationTime", "elasticInferenceAcceleratorAssociationTime", &ElasticInferenceAcceleratorAssociation::elastic_inference_accelerator_association_time));
};

template <>
struct Schema<InstanceNetworkInterfaceAssociation> {
  static constexpr auto fields = std::make_tuple(
      field("CarrierIp", "carrierIp", &InstanceNetworkInterfaceAssociation::carrier_ip),
      field("CustomerOwnedIp", "customerOwnedIp", &InstanceNetworkInterfaceAssociation::customer_owned_ip),
      field("IpOwnerId", "ipOwnerId", &InstanceNetworkInterfaceAssociation::ip_owner_id),
      field("PublicDnsName", "publicDnsName", &InstanceNetworkInterfaceAssociation::public_dns_name),
      field("PublicIp", "publicIp", &InstanceNetworkInterfaceAssociation::public_ip));
};

template <>
struct Schema<InstanceNetworkInterfaceAttachment> {
  static constexpr auto fields = std::make_tuple(
      field("AttachTime", "attachTime", &InstanceNetworkInterfaceAttachment::attach_time),
      field("AttachmentId", "attachmentId", &InstanceNetworkInterfaceAttachment::attachment_id),
      field("DeleteOnTermination", "deleteOnTermination", &InstanceNetworkInterfaceAttachment::delete_on_termination),
      field("DeviceIndex", "deviceIndex", &InstanceNetworkInterfaceAttachment::device_index),
      field("Status", "status", &InstanceNetworkInterfaceAttachment::status),
      field("NetworkCardIndex", "networkCardIndex", &InstanceNetworkInterfaceAttachment::network_card_index));
};

template <>
struct Schema<InstanceIpv6Address> {
  static constexpr auto fields = std::make_tuple(
      field("Ipv6Address", "ipv6Address", &InstanceIpv6Address::ipv6_address));
};

template <>
struct Schema<InstancePrivateIpAddress> {
  static constexpr auto fields = std::make_tuple(
      field("Association", "association", &InstancePrivateIpAddress::association),
      field("Primary", "primary", &InstancePrivateIpAddress::primary),
      field("PrivateDnsName", "privateDnsName", &InstancePrivateIpAddress::private_dns_name),
      field("PrivateIpAddress", "privateIpAddress", &InstancePrivateIpAddress::private_ip_address));
};

template <>
struct Schema<InstanceIpv4Prefix> {
  static constexpr auto fields = std::make_tuple(
      field("Ipv4Prefix", "ipv4Prefix", &InstanceIpv4Prefix::ipv4_prefix));
};

template <>
struct Schema<InstanceIpv6Prefix> {
  static constexpr auto fields = std::make_tuple(
      field("Ipv6Prefix", "ipv6Prefix", &InstanceIpv6Prefix::ipv6_prefix));
};

template <>
struct Schema<InstanceNetworkInterface> {
  static constexpr auto fields = std::make_tuple(
      field("Association", "association", &InstanceNetworkInterface::association),
      field("Attachment", "attachment", &InstanceNetworkInterface::attachment),
      field("Description", "description", &InstanceNetworkInterface::description),
      field("Groups", "groupSet", &InstanceNetworkInterface::groups),
      field("Ipv6Addresses", "ipv6AddressesSet", &InstanceNetworkInterface::ipv6_addresses),
      field("MacAddress", "macAddress", &InstanceNetworkInterface::mac_address),
      field("NetworkInterfaceId", "networkInterfaceId", &InstanceNetworkInterface::network_interface_id),
      field("OwnerId", "ownerId", &InstanceNetworkInterface::owner_id),
      field("PrivateDnsName", "privateDnsName", &InstanceNetworkInterface::private_dns_name),
      field("PrivateIpAddress", "privateIpAddress", &InstanceNetworkInterface::private_ip_address),
      field("PrivateIpAddresses", "privateIpAddressesSet", &InstanceNetworkInterface::private_ip_addresses),
      field("SourceDestCheck", "sourceDestCheck", &InstanceNetworkInterface::source_dest_check),
      field("Status", "status", &InstanceNetworkInterface::status),
      field("SubnetId", "subnetId", &InstanceNetworkInterface::subnet_id),
      field("VpcId", "vpcId", &InstanceNetworkInterface::vpc_id),
      field("InterfaceType", "interfaceType", &InstanceNetworkInterface::interface_type),
      field("Ipv4Prefixes", "ipv4PrefixSet", &InstanceNetworkInterface::ipv4_prefixes),
      field("Ipv6Prefixes", "ipv6PrefixSet", &InstanceNetworkInterface::ipv6_prefixes));
};

template <>
struct Schema<CpuOptions> {
  static constexpr auto fields = std::make_tuple(
      field("CoreCount", "coreCount", &CpuOptions::core_count),
      field("ThreadsPerCore", "threadsPerCore", &CpuOptions::threads_per_core));
};

template <>
struct Schema<CapacityReservationTargetResponse> {
  static constexpr auto fields = std::make_tuple(
      field("CapacityReservationId", "capacityReservationId", &CapacityReservationTargetResponse::capacity_reservation_id),
      field("CapacityReservationResourceGroupArn", "capacityReservationResourceGroupArn", &CapacityReservationTargetResponse::capacity_reservation_resource_group_arn));
};

template <>
struct Schema<CapacityReservationSpecificationResponse> {
  static constexpr auto fields = std::make_tuple(
      field("CapacityReservationPreference", "capacityReservationPreference", &CapacityReservationSpecificationResponse::capacity_reservation_preference),
      field("CapacityReservationTarget", "capacityReservationTarget", &CapacityReservationSpecificationResponse::capacity_reservation_target));
};

template <>
struct Schema<HibernationOptions> {
  static constexpr auto fields = std::make_tuple(
      field("Configured", "configured", &HibernationOptions::configured));
};

template <>
struct Schema<LicenseConfiguration> {
  static constexpr auto fields = std::make_tuple(
      field("LicenseConfigurationArn", "licenseConfigurationArn", &LicenseConfiguration::license_configuration_arn));
};

template <>
struct Schema<InstanceMetadataOptionsResponse> {
  static constexpr auto fields = std::make_tuple(
      field("State", "state", &InstanceMetadataOptionsResponse::state),
      field("HttpTokens", "httpTokens", &InstanceMetadataOptionsResponse::http_tokens),
      field("HttpPutResponseHopLimit", "httpPutResponseHopLimit", &InstanceMetadataOptionsResponse::http_put_response_hop_limit),
      field("HttpEndpoint", "httpEndpoint", &InstanceMetadataOptionsResponse::http_endpoint),
      field("HttpProtocolIpv6", "httpProtocolIpv6", &InstanceMetadataOptionsResponse::http_protocol_ipv6),
      field("InstanceMetadataTags", "instanceMetadataTags", &InstanceMetadataOptionsResponse::instance_metadata_tags));
};

template <>
struct Schema<EnclaveOptions> {
  static constexpr auto fields = std::make_tuple(
      field("Enabled", "enabled", &EnclaveOptions::enabled));
};

template <>
struct Schema<PrivateDnsNameOptionsResponse> {
  static constexpr auto fields = std::make_tuple(
      field("HostnameType", "hostnameType", &PrivateDnsNameOptionsResponse::hostname_type),
      field("EnableResourceNameDnsARecord", "enableResourceNameDnsARecord", &PrivateDnsNameOptionsResponse::enable_resource_name_dns_a_record),
      field("EnableResourceNameDnsAAAARecord", "enableResourceNameDnsAAAARecord", &PrivateDnsNameOptionsResponse::enable_resource_name_dns_aaaa_record));
};

template <>
struct Schema<InstanceMaintenanceOptions> {
  static constexpr auto fields = std::make_tuple(
      field("AutoRecovery", "autoRecovery", &InstanceMaintenanceOptions::auto_recovery));
};

template <>
struct Schema<Instance> {
  static constexpr auto fields = std::make_tuple(
      field("AmiLaunchIndex", "amiLaunchIndex", &Instance::ami_launch_index),
      field("ImageId", "imageId", &Instance::image_id),
      field("InstanceId", "instanceId", &Instance::instance_id),
      field("InstanceType", "instanceType", &Instance::instance_type),
      field("KernelId", "kernelId", &Instance::kernel_id),
      field("KeyName", "keyName", &Instance::key_name),
      field("LaunchTime", "launchTime", &Instance::launch_time),
      field("Monitoring", "monitoring", &Instance::monitoring),
      field("Placement", "placement", &Instance::placement),
      field("Platform", "platform", &Instance::platform),
      field("PrivateDnsName", "privateDnsName", &Instance::private_dns_name),
      field("PrivateIpAddress", "privateIpAddress", &Instance::private_ip_address),
      field("ProductCodes", "productCodes", &Instance::product_codes),
      field("PublicDnsName", "dnsName", &Instance::public_dns_name),
      field("PublicIpAddress", "ipAddress", &Instance::public_ip_address),
      field("RamdiskId", "ramdiskId", &Instance::ramdisk_id),
      field("State", "instanceState", &Instance::state),
      field("StateTransitionReason", "reason", &Instance::state_transition_reason),
      field("SubnetId", "subnetId", &Instance::subnet_id),
      field("VpcId", "vpcId", &Instance::vpc_id),
      field("Architecture", "architecture", &Instance::architecture),
      field("BlockDeviceMappings", "blockDeviceMapping", &Instance::block_device_mappings),
      field("ClientToken", "clientToken", &Instance::client_token),
      field("EbsOptimized", "ebsOptimized", &Instance::ebs_optimized),
      field("EnaSupport", "enaSupport", &Instance::ena_support),
      field("Hypervisor", "hypervisor", &Instance::hypervisor),
      field("IamInstanceProfile", "iamInstanceProfile", &Instance::iam_instance_profile),
      field("InstanceLifecycle", "instanceLifecycle", &Instance::instance_lifecycle),
      field("ElasticGpuAssociations", "elasticGpuAssociationSet", &Instance::elastic_gpu_associations),
      field("ElasticInferenceAcceleratorAssociations", "elasticInferenceAcceleratorAssociationSet", &Instance::elastic_inference_accelerator_associations),
      field("NetworkInterfaces", "networkInterfaceSet", &Instance::network_interfaces),
      field("OutpostArn", "outpostArn", &Instance::outpost_arn),
      field("RootDeviceName", "rootDeviceName", &Instance::root_device_name),
      field("RootDeviceType", "rootDeviceType", &Instance::root_device_type),
      field("SecurityGroups", "groupSet", &Instance::security_groups),
      field("SourceDestCheck", "sourceDestCheck", &Instance::source_dest_check),
      field("SpotInstanceRequestId", "spotInstanceRequestId", &Instance::spot_instance_request_id),
      field("SriovNetSupport", "sriovNetSupport", &Instance::sriov_net_support),
      field("StateReason", "stateReason", &Instance::state_reason),
      field("Tags", "tagSet", &Instance::tags),
      field("VirtualizationType", "virtualizationType", &Instance::virtualization_type),
      field("CpuOptions", "cpuOptions", &Instance::cpu_options),
      field("CapacityReservationId", "capacityReservationId", &Instance::capacity_reservation_id),
      field("CapacityReservationSpecification", "capacityReservationSpecification", &Instance::capacity_reservation_specification),
      field("HibernationOptions", "hibernationOptions", &Instance::hibernation_options),
      field("Licenses", "licenseSet", &Instance::licenses),
      field("MetadataOptions", "metadataOptions", &Instance::metadata_options),
      field("EnclaveOptions", "enclaveOptions", &Instance::enclave_options),
      field("BootMode", "bootMode", &Instance::boot_mode),
      field("PlatformDetails", "platformDetails", &Instance::platform_details),
      field("UsageOperation", "usageOperation", &Instance::usage_operation),
      field("UsageOperationUpdateTime", "usageOperationUpdateTime", &Instance::usage_operation_update_time),
      field("PrivateDnsNameOptions", "privateDnsNameOptions", &Instance::private_dns_name_options),
      field("Ipv6Address", "ipv6Address", &Instance::ipv6_address),
      field("TpmSupport", "tpmSupport", &Instance::tpm_support),
      field("MaintenanceOptions", "maintenanceOptions", &Instance::maintenance_options));
};

template <>
struct Schema<Reservation> {
  static constexpr auto fields = std::make_tuple(
      field("Groups", "groupSet", &Reservation::groups),
      field("Instances", "instancesSet", &Reservation::instances),
      field("OwnerId", "ownerId", &Reservation::owner_id),
      field("RequesterId", "requesterId", &Reservation::requester_id),
      field("ReservationId", "reservationId", &Reservation::reservation_id));
};

template <>
struct Schema<InstanceStateChange> {
  static constexpr auto fields = std::make_tuple(
      field("CurrentState", "currentState", &InstanceStateChange::current_state),
      field("InstanceId", "instanceId", &InstanceStateChange::instance_id),
      field("PreviousState", "previousState", &InstanceStateChange::previous_state));
};

}  // namespace ec2::model
