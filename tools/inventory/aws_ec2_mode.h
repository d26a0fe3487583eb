#pragma once
/// aws_ec2.yml mode end to end: the plugin config (tools/inventory/aws_ec2) drives the shared
/// parallel fetch layer; results are cached when the file enables `cache`.

#include <functional>
#include <string>
#include <string_view>

#include "ec2/config.h"
#include "ec2/result.h"

namespace ec2::inventory {

/// What the command line asked for.
struct AwsEc2Request {
  std::string host;         ///< --host HOST; empty for --list.
  bool refresh_cache = false;
  std::string profile;      ///< --profile, overriding the file's.
};

/// Receives the text to print, piece by piece.
using TextWriter = std::function<void(std::string_view piece)>;

/// Runs the mode for the config at `path`, handing the text to print (ending in a newline) to
/// `write`. `--list` is written while it is laid out, and copied to the cache entry as it goes
/// when the file enables `cache`; a cached `--list` is copied out a piece at a time: a large
/// inventory never sits in memory whole. Nothing is written when the fetch fails. The program's
/// last step: `--list` leaves its inventory for the process's exit to free (aws_ec2::AfterWriting).
Status run_aws_ec2_mode(const std::string& path, const AwsEc2Request& request, const Environment& env,
                        const TextWriter& write);

}  // namespace ec2::inventory
