#pragma once
/// Instances as DescribeInstances and RunInstances return them, and instance state changes.
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `Monitoring`.
struct Monitoring {
  std::optional<std::string> state;  ///< State <state>
};

/// EC2 `Placement`.
struct Placement {
  std::optional<std::string> availability_zone;  ///< AvailabilityZone <availabilityZone>
  std::optional<std::string> affinity;  ///< Affinity <affinity>
  std::optional<std::string> group_name;  ///< GroupName <groupName>
  std::optional<int> partition_number;  ///< PartitionNumber <partitionNumber>
  std::optional<std::string> host_id;  ///< HostId <hostId>
  std::optional<std::string> tenancy;  ///< Tenancy <tenancy>
  std::optional<std::string> spread_domain;  ///< SpreadDomain <spreadDomain>
  std::optional<std::string> host_resource_group_arn;  ///< HostResourceGroupArn <hostResourceGroupArn>
  std::optional<std::string> group_id;  ///< GroupId <groupId>
};

/// EC2 `EbsInstanceBlockDevice`.
struct EbsInstanceBlockDevice {
  std::optional<Timestamp> attach_time;  ///< AttachTime <attachTime>
  std::optional<bool> delete_on_termination;  ///< DeleteOnTermination <deleteOnTermination>
  std::optional<std::string> status;  ///< Status <status>
  std::optional<std::string> volume_id;  ///< VolumeId <volumeId>
};

/// EC2 `InstanceBlockDeviceMapping`.
struct InstanceBlockDeviceMapping {
  std::optional<std::string> device_name;  ///< DeviceName <deviceName>
  std::optional<EbsInstanceBlockDevice> ebs;  ///< Ebs <ebs>
};

/// EC2 `IamInstanceProfile`.
struct IamInstanceProfile {
  std::optional<std::string> arn;  ///< Arn <arn>
  std::optional<std::string> id;  ///< Id <id>
};

/// EC2 `ElasticGpuAssociation`.
struct ElasticGpuAssociation {
  std::optional<std::string> elastic_gpu_id;  ///< ElasticGpuId <elasticGpuId>
  std::optional<std::string> elastic_gpu_association_id;  ///< ElasticGpuAssociationId <elasticGpuAssociationId>
  std::optional<std::string> elastic_gpu_association_state;  ///< ElasticGpuAssociationState <elasticGpuAssociationState>
  std::optional<std::string> elastic_gpu_association_time;  ///< ElasticGpuAssociationTime <elasticGpuAssociationTime>
};

/// EC2 `ElasticInferenceAcceleratorAssociation`.
struct ElasticInferenceAcceleratorAssociation {
  std::optional<std::string> elastic_inference_accelerator_arn;  ///< ElasticInferenceAcceleratorArn <elasticInferenceAcceleratorArn>
  std::optional<std::string> elastic_inference_accelerator_association_id;  ///< ElasticInferenceAcceleratorAssociationId <elasticInferenceAcceleratorAssociationId>
  std::optional<std::string> elastic_inference_accelerator_association_state;  ///< ElasticInferenceAcceleratorAssociationState <elasticInferenceAcceleratorAssociationState>
  std::optional<Timestamp> elastic_inference_accelerator_association_time;  ///< ElasticInferenceAcceleratorAssociationTime <elasticInferenceAcceleratorAssociationTime>
};

/// EC2 `InstanceNetworkInterfaceAssociation`.
struct InstanceNetworkInterfaceAssociation {
  std::optional<std::string> carrier_ip;  ///< CarrierIp <carrierIp>
  std::optional<std::string> customer_owned_ip;  ///< CustomerOwnedIp <customerOwnedIp>
  std::optional<std::string> ip_owner_id;  ///< IpOwnerId <ipOwnerId>
  std::optional<std::string> public_dns_name;  ///< PublicDnsName <publicDnsName>
  std::optional<std::string> public_ip;  ///< PublicIp <publicIp>
};

/// EC2 `InstanceNetworkInterfaceAttachment`.
struct InstanceNetworkInterfaceAttachment {
  std::optional<Timestamp> attach_time;  ///< AttachTime <attachTime>
  std::optional<std::string> attachment_id;  ///< AttachmentId <attachmentId>
  std::optional<bool> delete_on_termination;  ///< DeleteOnTermination <deleteOnTermination>
  std::optional<int> device_index;  ///< DeviceIndex <deviceIndex>
  std::optional<std::string> status;  ///< Status <status>
  std::optional<int> network_card_index;  ///< NetworkCardIndex <networkCardIndex>
};

/// EC2 `InstanceIpv6Address`.
struct InstanceIpv6Address {
  std::optional<std::string> ipv6_address;  ///< Ipv6Address <ipv6Address>
};

/// EC2 `InstancePrivateIpAddress`.
struct InstancePrivateIpAddress {
  std::optional<InstanceNetworkInterfaceAssociation> association;  ///< Association <association>
  std::optional<bool> primary;  ///< Primary <primary>
  std::optional<std::string> private_dns_name;  ///< PrivateDnsName <privateDnsName>
  std::optional<std::string> private_ip_address;  ///< PrivateIpAddress <privateIpAddress>
};

/// EC2 `InstanceIpv4Prefix`.
struct InstanceIpv4Prefix {
  std::optional<std::string> ipv4_prefix;  ///< Ipv4Prefix <ipv4Prefix>
};

/// EC2 `InstanceIpv6Prefix`.
struct InstanceIpv6Prefix {
  std::optional<std::string> ipv6_prefix;  ///< Ipv6Prefix <ipv6Prefix>
};

/// EC2 `InstanceNetworkInterface`.
struct InstanceNetworkInterface {
  std::optional<InstanceNetworkInterfaceAssociation> association;  ///< Association <association>
  std::optional<InstanceNetworkInterfaceAttachment> attachment;  ///< Attachment <attachment>
  std::optional<std::string> description;  ///< Description <description>
  std::optional<std::vector<GroupIdentifier>> groups;  ///< Groups <groupSet>
  std::optional<std::vector<InstanceIpv6Address>> ipv6_addresses;  ///< Ipv6Addresses <ipv6AddressesSet>
  std::optional<std::string> mac_address;  ///< MacAddress <macAddress>
  std::optional<std::string> network_interface_id;  ///< NetworkInterfaceId <networkInterfaceId>
  std::optional<std::string> owner_id;  ///< OwnerId <ownerId>
  std::optional<std::string> private_dns_name;  ///< PrivateDnsName <privateDnsName>
  std::optional<std::string> private_ip_address;  ///< PrivateIpAddress <privateIpAddress>
  std::optional<std::vector<InstancePrivateIpAddress>> private_ip_addresses;  ///< PrivateIpAddresses <privateIpAddressesSet>
  std::optional<bool> source_dest_check;  ///< SourceDestCheck <sourceDestCheck>
  std::optional<std::string> status;  ///< Status <status>
  std::optional<std::string> subnet_id;  ///< SubnetId <subnetId>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
  std::optional<std::string> interface_type;  ///< InterfaceType <interfaceType>
  std::optional<std::vector<InstanceIpv4Prefix>> ipv4_prefixes;  ///< Ipv4Prefixes <ipv4PrefixSet>
  std::optional<std::vector<InstanceIpv6Prefix>> ipv6_prefixes;  ///< Ipv6Prefixes <ipv6PrefixSet>
};

/// EC2 `CpuOptions`.
struct CpuOptions {
  std::optional<int> core_count;  ///< CoreCount <coreCount>
  std::optional<int> threads_per_core;  ///< ThreadsPerCore <threadsPerCore>
};

/// EC2 `CapacityReservationTargetResponse`.
struct CapacityReservationTargetResponse {
  std::optional<std::string> capacity_reservation_id;  ///< CapacityReservationId <capacityReservationId>
  std::optional<std::string> capacity_reservation_resource_group_arn;  ///< CapacityReservationResourceGroupArn <capacityReservationResourceGroupArn>
};

/// EC2 `CapacityReservationSpecificationResponse`.
struct CapacityReservationSpecificationResponse {
  std::optional<std::string> capacity_reservation_preference;  ///< CapacityReservationPreference <capacityReservationPreference>
  std::optional<CapacityReservationTargetResponse> capacity_reservation_target;  ///< CapacityReservationTarget <capacityReservationTarget>
};

/// EC2 `HibernationOptions`.
struct HibernationOptions {
  std::optional<bool> configured;  ///< Configured <configured>
};

/// EC2 `LicenseConfiguration`.
struct LicenseConfiguration {
  std::optional<std::string> license_configuration_arn;  ///< LicenseConfigurationArn <licenseConfigurationArn>
};

/// EC2 `InstanceMetadataOptionsResponse`.
struct InstanceMetadataOptionsResponse {
  std::optional<std::string> state;  ///< State <state>
  std::optional<std::string> http_tokens;  ///< HttpTokens <httpTokens>
  std::optional<int> http_put_response_hop_limit;  ///< HttpPutResponseHopLimit <httpPutResponseHopLimit>
  std::optional<std::string> http_endpoint;  ///< HttpEndpoint <httpEndpoint>
  std::optional<std::string> http_protocol_ipv6;  ///< HttpProtocolIpv6 <httpProtocolIpv6>
  std::optional<std::string> instance_metadata_tags;  ///< InstanceMetadataTags <instanceMetadataTags>
};

/// EC2 `EnclaveOptions`.
struct EnclaveOptions {
  std::optional<bool> enabled;  ///< Enabled <enabled>
};

/// EC2 `PrivateDnsNameOptionsResponse`.
struct PrivateDnsNameOptionsResponse {
  std::optional<std::string> hostname_type;  ///< HostnameType <hostnameType>
  std::optional<bool> enable_resource_name_dns_a_record;  ///< EnableResourceNameDnsARecord <enableResourceNameDnsARecord>
  std::optional<bool> enable_resource_name_dns_aaaa_record;  ///< EnableResourceNameDnsAAAARecord <enableResourceNameDnsAAAARecord>
};

/// EC2 `InstanceMaintenanceOptions`.
struct InstanceMaintenanceOptions {
  std::optional<std::string> auto_recovery;  ///< AutoRecovery <autoRecovery>
};

/// EC2 `Instance`.
struct Instance {
  std::optional<int> ami_launch_index;  ///< AmiLaunchIndex <amiLaunchIndex>
  std::optional<std::string> image_id;  ///< ImageId <imageId>
  std::optional<std::string> instance_id;  ///< InstanceId <instanceId>
  std::optional<std::string> instance_type;  ///< InstanceType <instanceType>
  std::optional<std::string> kernel_id;  ///< KernelId <kernelId>
  std::optional<std::string> key_name;  ///< KeyName <keyName>
  std::optional<Timestamp> launch_time;  ///< LaunchTime <launchTime>
  std::optional<Monitoring> monitoring;  ///< Monitoring <monitoring>
  std::optional<Placement> placement;  ///< Placement <placement>
  std::optional<std::string> platform;  ///< Platform <platform>
  std::optional<std::string> private_dns_name;  ///< PrivateDnsName <privateDnsName>
  std::optional<std::string> private_ip_address;  ///< PrivateIpAddress <privateIpAddress>
  std::optional<std::vector<ProductCode>> product_codes;  ///< ProductCodes <productCodes>
  std::optional<std::string> public_dns_name;  ///< PublicDnsName <dnsName>
  std::optional<std::string> public_ip_address;  ///< PublicIpAddress <ipAddress>
  std::optional<std::string> ramdisk_id;  ///< RamdiskId <ramdiskId>
  std::optional<InstanceState> state;  ///< State <instanceState>
  std::optional<std::string> state_transition_reason;  ///< StateTransitionReason <reason>
  std::optional<std::string> subnet_id;  ///< SubnetId <subnetId>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
  std::optional<std::string> architecture;  ///< Architecture <architecture>
  std::optional<std::vector<InstanceBlockDeviceMapping>> block_device_mappings;  ///< BlockDeviceMappings <blockDeviceMapping>
  std::optional<std::string> client_token;  ///< ClientToken <clientToken>
  std::optional<bool> ebs_optimized;  ///< EbsOptimized <ebsOptimized>
  std::optional<bool> ena_support;  ///< EnaSupport <enaSupport>
  std::optional<std::string> hypervisor;  ///< Hypervisor <hypervisor>
  std::optional<IamInstanceProfile> iam_instance_profile;  ///< IamInstanceProfile <iamInstanceProfile>
  std::optional<std::string> instance_lifecycle;  ///< InstanceLifecycle <instanceLifecycle>
  std::optional<std::vector<ElasticGpuAssociation>> elastic_gpu_associations;  ///< ElasticGpuAssociations <elasticGpuAssociationSet>
  std::optional<std::vector<ElasticInferenceAcceleratorAssociation>> elastic_inference_accelerator_associations;  ///< ElasticInferenceAcceleratorAssociations <elasticInferenceAcceleratorAssociationSet>
  std::optional<std::vector<InstanceNetworkInterface>> network_interfaces;  ///< NetworkInterfaces <networkInterfaceSet>
  std::optional<std::string> outpost_arn;  ///< OutpostArn <outpostArn>
  std::optional<std::string> root_device_name;  ///< RootDeviceName <rootDeviceName>
  std::optional<std::string> root_device_type;  ///< RootDeviceType <rootDeviceType>
  std::optional<std::vector<GroupIdentifier>> security_groups;  ///< SecurityGroups <groupSet>
  std::optional<bool> source_dest_check;  ///< SourceDestCheck <sourceDestCheck>
  std::optional<std::string> spot_instance_request_id;  ///< SpotInstanceRequestId <spotInstanceRequestId>
  std::optional<std::string> sriov_net_support;  ///< SriovNetSupport <sriovNetSupport>
  std::optional<StateReason> state_reason;  ///< StateReason <stateReason>
  std::optional<Tags> tags;  ///< Tags <tagSet>
  std::optional<std::string> virtualization_type;  ///< VirtualizationType <virtualizationType>
  std::optional<CpuOptions> cpu_options;  ///< CpuOptions <cpuOptions>
  std::optional<std::string> capacity_reservation_id;  ///< CapacityReservationId <capacityReservationId>
  std::optional<CapacityReservationSpecificationResponse> capacity_reservation_specification;  ///< CapacityReservationSpecification <capacityReservationSpecification>
  std::optional<HibernationOptions> hibernation_options;  ///< HibernationOptions <hibernationOptions>
  std::optional<std::vector<LicenseConfiguration>> licenses;  ///< Licenses <licenseSet>
  std::optional<InstanceMetadataOptionsResponse> metadata_options;  ///< MetadataOptions <metadataOptions>
  std::optional<EnclaveOptions> enclave_options;  ///< EnclaveOptions <enclaveOptions>
  std::optional<std::string> boot_mode;  ///< BootMode <bootMode>
  std::optional<std::string> platform_details;  ///< PlatformDetails <platformDetails>
  std::optional<std::string> usage_operation;  ///< UsageOperation <usageOperation>
  std::optional<Timestamp> usage_operation_update_time;  ///< UsageOperationUpdateTime <usageOperationUpdateTime>
  std::optional<PrivateDnsNameOptionsResponse> private_dns_name_options;  ///< PrivateDnsNameOptions <privateDnsNameOptions>
  std::optional<std::string> ipv6_address;  ///< Ipv6Address <ipv6Address>
  std::optional<std::string> tpm_support;  ///< TpmSupport <tpmSupport>
  std::optional<InstanceMaintenanceOptions> maintenance_options;  ///< MaintenanceOptions <maintenanceOptions>
};

/// EC2 `Reservation`.
struct Reservation {
  std::optional<std::vector<GroupIdentifier>> groups;  ///< Groups <groupSet>
  std::optional<std::vector<Instance>> instances;  ///< Instances <instancesSet>
  std::optional<std::string> owner_id;  ///< OwnerId <ownerId>
  std::optional<std::string> requester_id;  ///< RequesterId <requesterId>
  std::optional<std::string> reservation_id;  ///< ReservationId <reservationId>
};

/// EC2 `InstanceStateChange`.
struct InstanceStateChange {
  std::optional<InstanceState> current_state;  ///< CurrentState <currentState>
  std::optional<std::string> instance_id;  ///< InstanceId <instanceId>
  std::optional<InstanceState> previous_state;  ///< PreviousState <previousState>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, Monitoring& out);
Status from_xml(pugi::xml_node node, Placement& out);
Status from_xml(pugi::xml_node node, EbsInstanceBlockDevice& out);
Status from_xml(pugi::xml_node node, InstanceBlockDeviceMapping& out);
Status from_xml(pugi::xml_node node, IamInstanceProfile& out);
Status from_xml(pugi::xml_node node, ElasticGpuAssociation& out);
Status from_xml(pugi::xml_node node, ElasticInferenceAcceleratorAssociation& out);
Status from_xml(pugi::xml_node node, InstanceNetworkInterfaceAssociation& out);
Status from_xml(pugi::xml_node node, InstanceNetworkInterfaceAttachment& out);
Status from_xml(pugi::xml_node node, InstanceIpv6Address& out);
Status from_xml(pugi::xml_node node, InstancePrivateIpAddress& out);
Status from_xml(pugi::xml_node node, InstanceIpv4Prefix& out);
Status from_xml(pugi::xml_node node, InstanceIpv6Prefix& out);
Status from_xml(pugi::xml_node node, InstanceNetworkInterface& out);
Status from_xml(pugi::xml_node node, CpuOptions& out);
Status from_xml(pugi::xml_node node, CapacityReservationTargetResponse& out);
Status from_xml(pugi::xml_node node, CapacityReservationSpecificationResponse& out);
Status from_xml(pugi::xml_node node, HibernationOptions& out);
Status from_xml(pugi::xml_node node, LicenseConfiguration& out);
Status from_xml(pugi::xml_node node, InstanceMetadataOptionsResponse& out);
Status from_xml(pugi::xml_node node, EnclaveOptions& out);
Status from_xml(pugi::xml_node node, PrivateDnsNameOptionsResponse& out);
Status from_xml(pugi::xml_node node, InstanceMaintenanceOptions& out);
Status from_xml(pugi::xml_node node, Instance& out);
Status from_xml(pugi::xml_node node, Reservation& out);
Status from_xml(pugi::xml_node node, InstanceStateChange& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const Monitoring& value);
nlohmann::json to_json(const Placement& value);
nlohmann::json to_json(const EbsInstanceBlockDevice& value);
nlohmann::json to_json(const InstanceBlockDeviceMapping& value);
nlohmann::json to_json(const IamInstanceProfile& value);
nlohmann::json to_json(const ElasticGpuAssociation& value);
nlohmann::json to_json(const ElasticInferenceAcceleratorAssociation& value);
nlohmann::json to_json(const InstanceNetworkInterfaceAssociation& value);
nlohmann::json to_json(const InstanceNetworkInterfaceAttachment& value);
nlohmann::json to_json(const InstanceIpv6Address& value);
nlohmann::json to_json(const InstancePrivateIpAddress& value);
nlohmann::json to_json(const InstanceIpv4Prefix& value);
nlohmann::json to_json(const InstanceIpv6Prefix& value);
nlohmann::json to_json(const InstanceNetworkInterface& value);
nlohmann::json to_json(const CpuOptions& value);
nlohmann::json to_json(const CapacityReservationTargetResponse& value);
nlohmann::json to_json(const CapacityReservationSpecificationResponse& value);
nlohmann::json to_json(const HibernationOptions& value);
nlohmann::json to_json(const LicenseConfiguration& value);
nlohmann::json to_json(const InstanceMetadataOptionsResponse& value);
nlohmann::json to_json(const EnclaveOptions& value);
nlohmann::json to_json(const PrivateDnsNameOptionsResponse& value);
nlohmann::json to_json(const InstanceMaintenanceOptions& value);
nlohmann::json to_json(const Instance& value);
/// The same members as `to_json`, in botocore's member order (the key order of boto3's dict).
nlohmann::ordered_json to_ordered_json(const Instance& value);
/// Only the members whose botocore name `keep` accepts (cheaper when few are needed).
nlohmann::ordered_json to_ordered_json(const Instance& value, const std::function<bool(std::string_view)>& keep);
/// What to_ordered_json(instance, keep) gives for the Instance `from_xml` would read from the
/// element `instance`, without building that Instance (see `visit_xml` in ec2/model/visit.h).
Result<nlohmann::ordered_json> to_ordered_json_from_xml(pugi::xml_node instance,
                                                        const std::function<bool(std::string_view)>& keep);
nlohmann::json to_json(const Reservation& value);
nlohmann::json to_json(const InstanceStateChange& value);

}  // namespace ec2
