#pragma once
/// What `ec2 -i` prints: the public DNS name alone, a full description (`-v`), or JSON (`--json`).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/model/image.h"
#include "ec2/model/instance.h"

namespace ec2::cli {

/// Facts about the instance, gathered for printing.
struct InstanceReport {
  std::string instance_id;
  std::string state;
  std::string instance_type;
  std::string image_id;
  std::string image_name;  ///< "" when the image is no longer visible.
  std::string region;
  std::string availability_zone;
  std::string public_ip;   ///< "" when it has none (e.g. stopped).
  std::string public_dns;  ///< "" when it has none.
  std::string private_ip;
  std::string key_name;
  std::string key_file;
  std::string ssh_user;
  std::string launch_time;  ///< ISO 8601, "" when unknown.
};

/// Builds the report from the instance and (when found) its image.
InstanceReport make_report(const Instance& instance, const std::optional<Image>& image,
                           const std::string& region, const std::string& key_file);

/// The argv of the ssh command for the instance (program first), with `remote` appended.
/// Empty when the instance has no public address.
std::vector<std::string> ssh_argv(const InstanceReport& report, const std::string& program = "ssh",
                                  const std::vector<std::string>& remote = {});

/// `ssh_argv` as one shell-quoted line, for copying.
std::string ssh_command_line(const InstanceReport& report);

/// The `-i -v` text: one `Label: value` line per fact; absent public address said as such.
std::string describe_text(const InstanceReport& report);

/// The `--json` object (snake_case keys; absent values are null).
nlohmann::json describe_json(const InstanceReport& report);

}  // namespace ec2::cli
