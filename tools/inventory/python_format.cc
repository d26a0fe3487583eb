#include "python_format.h"

#include <cctype>

namespace ec2::inventory {
namespace {

Error format_error(const std::string& format, const std::string& message) {
  return make_error(ErrorCategory::Config, "InvalidFormat",
                    "format '" + format + "': " + message);
}

}  // namespace

Result<std::string> python_format(const std::string& format, const std::vector<std::string>& args) {
  std::string out;
  int automatic = 0;
  bool used_automatic = false, used_manual = false;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      return format_error(format, "single '}' encountered (write '}}' for a literal brace)");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    size_t close = format.find('}', i);
    if (close == std::string::npos) return format_error(format, "'{' without a matching '}'");
    std::string field = format.substr(i + 1, close - i - 1);
    size_t index = 0;
    if (field.empty()) {
      used_automatic = true;
      index = static_cast<size_t>(automatic++);
    } else {
      for (char d : field) {
        if (!std::isdigit(static_cast<unsigned char>(d)) || field.size() > 6) {
          return format_error(format, "field '{" + field + "}' is not supported (use {0}, {1}, ...)");
        }
      }
      used_manual = true;
      index = std::stoul(field);
    }
    if (used_automatic && used_manual) {
      return format_error(format, "cannot mix automatic '{}' and numbered '{0}' fields");
    }
    if (index >= args.size()) {
      return format_error(format, "field {" + std::to_string(index) + "} has no value (only " +
                                      std::to_string(args.size()) + " destination_format_tags)");
    }
    out += args[index];
    i = close;
  }
  return out;
}

}  // namespace ec2::inventory
