#pragma once
/// Which configuration file ec2-inventory reads, and in which syntax.
///
/// Order: `--config FILE`; else `EC2_INI_PATH`; else, beside the program, `<name>.ini` then
/// `ec2.ini` — looked up first beside the path it was invoked by (Ansible runs inventory scripts
/// by path, often through a symlink named like the old script) and then beside the real
/// executable (/proc/self/exe).

#include <string>
#include <vector>

#include "ec2/config.h"
#include "ec2/result.h"

namespace ec2::inventory {

enum class ConfigSyntax { None, Ini, AwsEc2 };

struct ConfigChoice {
  std::string path;  ///< Empty when no file was found (ec2.ini defaults apply).
  ConfigSyntax syntax = ConfigSyntax::None;
};

/// The syntax a file name implies: `.ini` → Ini; `aws_ec2.yml`/`aws_ec2.yaml` → AwsEc2; else an
/// error saying how to name it.
Result<ConfigSyntax> syntax_of(const std::string& path);

/// The candidate files beside the program, in lookup order, for `invoked` (argv[0]) and `real`
/// (the resolved executable path). `invoked` without a slash is not a location.
std::vector<std::string> default_candidates(const std::string& invoked, const std::string& real);

/// Picks the file per the order above. A file named by --config or EC2_INI_PATH must exist.
Result<ConfigChoice> locate_config(const std::string& cli_config, const std::string& invoked,
                                   const Environment& env);

}  // namespace ec2::inventory
