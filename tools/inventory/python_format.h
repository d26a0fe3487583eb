#pragma once
/// The part of Python's `str.format` that ec2.ini's destination_format uses: positional fields
/// `{0}`, `{1}` ... or automatic `{}`, and the escapes `{{` / `}}`.

#include <string>
#include <vector>

#include "ec2/result.h"

namespace ec2::inventory {

/// `format.format(*args)`. Named fields, attribute/index access, conversions and format specs are
/// rejected with a message saying which field is not supported; so is a field past the end of
/// `args` or mixing `{}` with `{0}` (Python rejects that too).
Result<std::string> python_format(const std::string& format, const std::vector<std::string>& args);

}  // namespace ec2::inventory
