#pragma once
// Hand-built DescribeInstances records for the ec2.ini mode tests.

#include <string>

#include <nlohmann/json.hpp>

#include "instance_source.h"

namespace ec2::inventory::testing {

/// A running VPC instance shaped like boto3's output, with the given id, tags and addresses.
inline InstanceRecord vpc_instance(const std::string& id, nlohmann::json tags,
                                   const std::string& public_ip = "54.1.2.3",
                                   const std::string& region = "us-east-1") {
  nlohmann::json i = {
      {"AmiLaunchIndex", 0},
      {"ImageId", "ami-0abc"},
      {"InstanceId", id},
      {"InstanceType", "t3.micro"},
      {"KeyName", "deploy-key"},
      {"LaunchTime", "2024-01-02T03:04:05+00:00"},
      {"Monitoring", {{"State", "disabled"}}},
      {"Placement", {{"AvailabilityZone", region + "a"}, {"GroupName", ""}, {"Tenancy", "default"}}},
      {"PrivateDnsName", "ip-10-0-0-5.ec2.internal"},
      {"PrivateIpAddress", "10.0.0.5"},
      {"ProductCodes", nlohmann::json::array()},
      {"PublicDnsName", public_ip.empty() ? "" : "ec2-54-1-2-3.compute-1.amazonaws.com"},
      {"State", {{"Code", 16}, {"Name", "running"}}},
      {"StateTransitionReason", ""},
      {"SubnetId", "subnet-1"},
      {"VpcId", "vpc-1"},
      {"Architecture", "x86_64"},
      {"BlockDeviceMappings",
       {{{"DeviceName", "/dev/xvda"},
         {"Ebs", {{"AttachTime", "2024-01-02T03:04:06+00:00"}, {"DeleteOnTermination", true},
                  {"Status", "attached"}, {"VolumeId", "vol-1"}}}}}},
      {"ClientToken", ""},
      {"EbsOptimized", false},
      {"EnaSupport", true},
      {"Hypervisor", "xen"},
      {"NetworkInterfaces", nlohmann::json::array()},
      {"RootDeviceName", "/dev/xvda"},
      {"RootDeviceType", "ebs"},
      {"SecurityGroups", {{{"GroupName", "web"}, {"GroupId", "sg-1"}},
                          {{"GroupName", "ssh-in"}, {"GroupId", "sg-2"}}}},
      {"SourceDestCheck", true},
      {"VirtualizationType", "hvm"},
      {"CpuOptions", {{"CoreCount", 1}, {"ThreadsPerCore", 2}}},
  };
  if (!public_ip.empty()) i["PublicIpAddress"] = public_ip;
  if (!tags.empty()) i["Tags"] = std::move(tags);
  return {region, std::move(i), "123456789012", "", "r-1", nullptr, "", {}, {}, nullptr};
}

/// `[{"Key": k, "Value": v}, ...]` from pairs.
inline nlohmann::json tags(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, v] : pairs) out.push_back({{"Key", k}, {"Value", v}});
  return out;
}

}  // namespace ec2::inventory::testing
