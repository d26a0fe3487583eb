#pragma once
/// Python's `re.sub` for the regex_replace filter, on PCRE2 in UTF + Unicode-properties mode, which
/// reads Python's pattern syntax (`(?P<name>...)`, `(?P=name)`, lookbehind, `\A`; `\Z` is
/// translated) and gives `\w`, `\d`, `\s` and `.` Python's Unicode meaning. The replacement is
/// expanded with Python's rules (`\1`, `\g<1>`, `\g<name>`, `\n`, `\\`).

#include <memory>
#include <string>

#include "ec2/result.h"

namespace ec2::inventory::aws_ec2 {

/// A compiled pattern; copies share the compiled code.
class PyRegex {
 public:
  /// Compiles Python pattern `pattern`; errors name the pattern, the problem and the offset.
  static Result<PyRegex> compile(const std::string& pattern, bool ignorecase, bool multiline);

  /// `re.sub(pattern, replacement, text)`: every non-overlapping match replaced.
  Result<std::string> sub(const std::string& replacement, const std::string& text) const;

 private:
  struct Code;
  std::string pattern_;
  std::shared_ptr<Code> code_;
};

}  // namespace ec2::inventory::aws_ec2
