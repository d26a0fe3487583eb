#pragma once
/// Python `re` patterns (pattern_include / pattern_exclude) matched the way ec2.py matched them:
/// `re.compile(p).match(hostname)`, i.e. anchored at the start only. PCRE2 understands Python's
/// syntax, `(?P<name>...)` included.

#include <memory>
#include <string>

#include "ec2/result.h"

namespace ec2::inventory {

/// A compiled pattern. Copies share the compiled code.
class PyRegex {
 public:
  /// Compiles `pattern`; the error message says what is wrong and at which offset.
  static Result<PyRegex> compile(const std::string& pattern);

  /// True when the pattern matches at the start of `text` (Python's `re.match`).
  bool match(const std::string& text) const;

  const std::string& pattern() const { return pattern_; }

 private:
  struct Code;
  std::string pattern_;
  std::shared_ptr<Code> code_;
};

}  // namespace ec2::inventory
