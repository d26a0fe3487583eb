#pragma once
/// The INI dialect of the AWS shared config and credentials files, parsed the way the AWS CLI
/// (Python's configparser plus botocore's nested sub-sections) reads them:
/// - `[section]` headers; section names are case-sensitive and may not repeat;
/// - `key = value` or `key: value` lines; keys are lowercased and may not repeat in a section;
/// - whole-line comments start with `#` or `;` (no inline comments: `a = b # c` has value `b # c`);
/// - lines indented deeper than their key continue its value; a key with an empty value followed
///   by indented `name = value` lines is a nested sub-section (`s3 =`, `ec2 =` in `[services …]`);
/// - a `[DEFAULT]` section supplies values to every other section.
/// Errors name the file (as the user wrote its path) and the line.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ec2/result.h"

namespace ec2::auth {

/// One `key = value` (or nested block) of a section.
struct IniValue {
  std::string text;                           ///< Joined value (continuation lines after '\n').
  std::map<std::string, std::string> nested;  ///< The sub-section, when `is_nested`.
  bool is_nested = false;
  int line = 0;  ///< Line of the key.
};

struct IniSection {
  std::string name;
  int line = 0;
  std::map<std::string, IniValue> values;  ///< Keyed by lowercased key.

  /// The plain value of `key`, or nullptr when absent or nested.
  const std::string* get(std::string_view key) const;
};

struct IniFile {
  std::vector<IniSection> sections;  ///< In file order; `[DEFAULT]` already merged and removed.

  const IniSection* find(std::string_view name) const;
};

/// Parses `text`. `display_path` is used in error messages (`~/.aws/config:7: …`).
Result<IniFile> parse_ini(std::string_view text, std::string_view display_path);

}  // namespace ec2::auth
