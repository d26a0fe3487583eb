#pragma once
/// The emulated resources of one region, as plain data. Handlers read and change them under the
/// World lock; the state file serialises them (state_file.cc — add new fields there too).

#include <cstdint>
#include <string>
#include <vector>

#include "sim_clock.h"

namespace ec2::emu {

/// The account every resource belongs to.
inline constexpr std::string_view kAccountId = "123456789012";

/// A security group as an instance references it.
struct GroupRef {
  std::string id;
  std::string name;
};

struct Instance {
  uint64_t seq = 0;  ///< Launch order; DescribeInstances lists and paginates in this order.
  std::string id;
  std::string reservation_id;
  std::string image_id;
  std::string instance_type;
  std::string key_name;  ///< Empty when launched without a key.
  std::string availability_zone;
  std::string vpc_id;
  std::string subnet_id;
  std::string private_ip;
  std::string public_ip;  ///< Empty unless running (and the subnet maps public IPs).
  std::string architecture;
  std::string platform;  ///< "windows" or empty.
  std::string user_data;  ///< Base64 as given.
  std::string shutdown_behavior = "stop";
  std::string client_token;
  std::string root_device_name = "/dev/xvda";
  std::string root_volume_id;
  std::string network_interface_id;
  std::string mac_address;
  std::string iam_instance_profile_arn;  ///< Empty when launched without an instance profile.
  std::vector<GroupRef> groups;
  int launch_index = 0;
  bool monitoring = false;
  bool ebs_optimized = false;
  bool map_public_ip = true;

  std::string state = "pending";  ///< pending|running|stopping|stopped|shutting-down|terminated
  TimePoint launch_time;
  TimePoint next_at;              ///< When the current transitional state ends.
  TimePoint status_ok_at;         ///< When the status checks of this run turn `ok`.
  bool status_ok = false;         ///< Status checks passed (reset on every start).
  std::string state_reason_code;  ///< e.g. "Client.UserInitiatedShutdown"
  std::string state_reason_message;
  std::string transition_reason;  ///< e.g. "User initiated (2024-01-02 03:04:05 GMT)"
};

/// EC2 numeric state codes: pending 0, running 16, shutting-down 32, terminated 48, stopping 64,
/// stopped 80.
int instance_state_code(std::string_view state);

struct KeyPair {
  std::string id;  ///< `key-` + 17 hex
  std::string name;
  std::string type = "rsa";  ///< rsa | ed25519
  std::string fingerprint;
  std::string public_key;  ///< OpenSSH form (`ssh-rsa AAAA…`)
  TimePoint create_time;
};

struct Image {
  std::string id;
  std::string name;
  std::string description;
  std::string owner_id;
  std::string owner_alias;  ///< "amazon" or empty
  std::string architecture;  ///< x86_64 | arm64
  std::string platform;      ///< "windows" or empty
  std::string platform_details = "Linux/UNIX";
  std::string creation_date;
  std::string root_device_name = "/dev/xvda";
  std::string virtualization_type = "hvm";
  std::string image_location;
  std::string state = "available";
  bool ena_support = true;
  bool is_public = true;
};

/// A CIDR block association of a VPC (IPv4 or IPv6).
struct CidrAssociation {
  std::string association_id;  ///< `vpc-cidr-assoc-…`
  std::string cidr;
  std::string state = "associated";  ///< associating|associated|disassociating|disassociated|failed
  std::string status_message;
  std::string network_border_group;  ///< IPv6 only
  std::string ipv6_pool;             ///< IPv6 only ("Amazon")
  TimePoint next_at;                 ///< End of a transitional state.
};

struct Vpc {
  std::string id;
  std::string cidr_block;  ///< Primary IPv4 CIDR.
  std::string state = "available";  ///< pending|available
  std::string dhcp_options_id = "dopt-00000000";
  std::string instance_tenancy = "default";
  bool is_default = false;
  bool enable_dns_support = true;     ///< DescribeVpcAttribute / ModifyVpcAttribute
  bool enable_dns_hostnames = false;  ///< true for default VPCs
  std::vector<CidrAssociation> cidr_associations;  ///< IPv4, primary first.
  std::vector<CidrAssociation> ipv6_associations;
  TimePoint next_at;
};

struct Subnet {
  std::string id;
  std::string vpc_id;
  std::string cidr_block;
  std::string availability_zone;
  std::string state = "available";
  int available_ips = 4091;
  bool default_for_az = false;
  bool map_public_ip_on_launch = false;
};

/// One permission of a security group rule set (`IpPermissions.N`).
struct IpPermission {
  std::string protocol = "-1";  ///< tcp|udp|icmp|icmpv6|-1 or a number
  int from_port = -1;
  int to_port = -1;
  struct Range {
    std::string cidr;
    std::string description;
  };
  struct GroupPair {
    std::string group_id;
    std::string user_id;
    std::string description;
  };
  std::vector<Range> ipv4_ranges;
  std::vector<Range> ipv6_ranges;
  std::vector<GroupPair> groups;
  std::vector<std::string> prefix_list_ids;
};

struct SecurityGroup {
  std::string id;
  std::string name;
  std::string description;
  std::string vpc_id;
  std::vector<IpPermission> ingress;
  std::vector<IpPermission> egress;
};

/// One side of a peering connection.
struct PeeringSide {
  std::string owner_id;
  std::string vpc_id;
  std::string region;
  std::string cidr_block;
  std::vector<std::string> cidr_blocks;       ///< CidrBlockSet
  std::vector<std::string> ipv6_cidr_blocks;  ///< Ipv6CidrBlockSet
  bool allow_dns_resolution = false;
};

struct VpcPeering {
  std::string id;  ///< `pcx-…`
  PeeringSide requester;
  PeeringSide accepter;
  /// initiating-request|pending-acceptance|active|deleted|rejected|failed|expired|provisioning|deleting
  std::string status = "initiating-request";
  std::string status_message;
  TimePoint expiration_time;
  TimePoint next_at;
};

/// What a ClientToken was first used with (RunInstances idempotency).
struct ClientTokenRecord {
  uint64_t params_hash = 0;
  std::string reservation_id;
};

}  // namespace ec2::emu
