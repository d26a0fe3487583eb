#include "py_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace ec2::inventory {

struct PyRegex::Code {
  pcre2_code* code = nullptr;
  ~Code() { pcre2_code_free(code); }
};

Result<PyRegex> PyRegex::compile(const std::string& pattern) {
  int error_code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &error_code,
                                   &offset, nullptr);
  if (code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    return make_error(ErrorCategory::Config, "InvalidRegex",
                      "bad regular expression '" + pattern + "': " +
                          reinterpret_cast<const char*>(message) + " at offset " +
                          std::to_string(offset));
  }
  PyRegex regex;
  regex.pattern_ = pattern;
  regex.code_ = std::make_shared<Code>();
  regex.code_->code = code;
  return regex;
}

bool PyRegex::match(const std::string& text) const {
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_->code, nullptr);
  int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                       PCRE2_ANCHORED, data, nullptr);
  pcre2_match_data_free(data);
  return rc >= 0;
}

}  // namespace ec2::inventory
