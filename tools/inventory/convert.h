#pragma once
/// `ec2-inventory --convert ec2.ini`: an aws_ec2.yml that reproduces the ini's hosts, groups and
/// main variables with the amazon.aws.aws_ec2 plugin's options (keyed_groups, groups, compose,
/// hostnames, filters), using only the Jinja2 subset ec2-inventory evaluates. Whatever has no
/// equivalent is written as a `#` comment saying so.

#include <string>

#include "ec2_ini.h"

namespace ec2::inventory {

/// The YAML text for `settings` (read from the file `settings.path`).
std::string convert_to_aws_ec2(const Ec2IniSettings& settings);

}  // namespace ec2::inventory
