#pragma once
/// botocore's member order for the EC2 `Instance` shape and everything below it (generated
/// table), and a function that puts an instance dict's keys in that order, as boto3 returns them.

#include <span>

#include "json.h"

namespace ec2::inventory::aws_ec2 {

/// One member of a structure shape: its name and its shape (index into kAllShapes, -1: scalar).
struct ShapeMember {
  const char* name;
  int shape;
};

/// A structure (members kAllShapeMembers[first, first + count)) or a list of `item` shapes.
struct ShapeInfo {
  bool is_list;
  int item;
  int first;
  int count;
};

/// Generated tables (instance_shapes.cc); kAllShapes[0] is `Instance`.
extern const std::span<const ShapeMember> kAllShapeMembers;
extern const std::span<const ShapeInfo> kAllShapes;

/// `instance` (a DescribeInstances instance) with the keys of every dict in botocore's member
/// order; keys the model does not know keep their place after the known ones.
Json in_botocore_order(const Json& instance);

}  // namespace ec2::inventory::aws_ec2
