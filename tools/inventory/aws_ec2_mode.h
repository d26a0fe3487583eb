#pragma once
/// aws_ec2.yml mode end to end: the plugin config (tools/inventory/aws_ec2) drives the shared
/// parallel fetch layer; results are cached when the file enables `cache`.

#include <string>

#include "ec2/config.h"
#include "ec2/result.h"

namespace ec2::inventory {

/// What the command line asked for.
struct AwsEc2Request {
  std::string host;         ///< --host HOST; empty for --list.
  bool refresh_cache = false;
  std::string profile;      ///< --profile, overriding the file's.
};

/// Runs the mode for the config at `path`; returns the text to print (no trailing newline).
Result<std::string> run_aws_ec2_mode(const std::string& path, const AwsEc2Request& request,
                                     const Environment& env);

}  // namespace ec2::inventory
