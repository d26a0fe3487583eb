#pragma once
/// Small value types shared by requests, responses and tools.

#include <string>
#include <vector>

namespace ec2 {

/// An EC2 tag.
struct Tag {
  std::string key;
  std::string value;
  bool operator==(const Tag&) const = default;
};
using Tags = std::vector<Tag>;

/// One EC2 filter: `name` matches any of `values` (which may hold `*` and `?` wildcards).
struct Filter {
  std::string name;
  std::vector<std::string> values;
  bool operator==(const Filter&) const = default;
};
using Filters = std::vector<Filter>;

}  // namespace ec2
