#pragma once
/// An INI reader with the rules of Python's `configparser.ConfigParser` (which ec2.py used), so
/// files that worked with the script read the same way: `key = value` or `key: value`, option
/// names case-insensitive, `#`/`;` comment lines (no inline comments), indented continuation
/// lines, `[DEFAULT]` values visible in every section, `%(name)s` interpolation and `%%`.
/// Every option remembers its line so errors can point at it.

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ec2/result.h"

namespace ec2::inventory {

/// One option as written in the file.
struct IniOption {
  std::string name;   ///< Lower-cased, as configparser's optionxform does.
  std::string value;  ///< Raw value (continuation lines joined with '\n'), not interpolated.
  int line = 0;       ///< 1-based line of `name`.
};

/// One `[section]`.
struct IniSection {
  std::string name;
  int line = 0;
  std::deque<IniOption> options;  ///< In file order (a deque: pointers stay valid while parsing).

  const IniOption* find(const std::string& name) const;
};

/// A parsed file.
struct IniFile {
  std::string path;
  std::deque<IniSection> sections;  ///< In file order, `DEFAULT` included when present.

  const IniSection* section(const std::string& name) const;
  /// The option in `section`, else in `[DEFAULT]`, else nullptr.
  const IniOption* lookup(const std::string& section, const std::string& name) const;
  /// The value of `option` (found in `section`) with `%(name)s` references resolved against
  /// that section, `[DEFAULT]` and `defaults`, and `%%` turned into `%`. Errors name file:line.
  Result<std::string> interpolate(const std::string& section, const IniOption& option,
                                  const std::map<std::string, std::string>& defaults = {}) const;
};

/// Parses `text` read from `path`. Errors (category Config) read `path:line: message`.
Result<IniFile> parse_ini(const std::string& path, const std::string& text);

/// Reads and parses the file at `path`.
Result<IniFile> load_ini(const std::string& path);

/// `path:line: message` as a Config error.
Error ini_error(const std::string& path, int line, const std::string& message);

}  // namespace ec2::inventory
