#pragma once
/// The instance types RunInstances accepts (a real, current subset of EC2's list).

#include <string_view>
#include <vector>

namespace ec2::emu {

struct InstanceTypeInfo {
  std::string_view name;
  std::string_view architecture;  ///< x86_64 | arm64
  int vcpus;
  int memory_mib;
};

/// The type named `name`, or nullptr when EC2 has no such type.
const InstanceTypeInfo* find_instance_type(std::string_view name);
/// Every known type, in family order.
const std::vector<InstanceTypeInfo>& instance_types();

}  // namespace ec2::emu
