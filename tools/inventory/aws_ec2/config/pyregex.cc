#define PCRE2_CODE_UNIT_WIDTH 8
#include "config/pyregex.h"

#include <pcre2.h>

namespace ec2::inventory::aws_ec2 {

struct PyRegex::Code {
  pcre2_code* code = nullptr;
  ~Code() { pcre2_code_free(code); }
};

namespace {

Error regex_error(const std::string& pattern, const std::string& what) {
  return make_error(ErrorCategory::Config, "BadRegex", "regular expression '" + pattern + "': " + what);
}

/// Python's `\Z` (end of text only) is PCRE2's `\z`; everything else reads the same.
std::string translate(const std::string& p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      out += p[i];
      out += p[i + 1] == 'Z' ? 'z' : p[i + 1];
      ++i;
    } else {
      out += p[i];
    }
  }
  return out;
}

/// Group number for `\g<ref>`: a number or a group name; -1 when unknown.
int group_number(pcre2_code* code, const std::string& ref) {
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) return std::stoi(ref);
  return pcre2_substring_number_from_name(code, reinterpret_cast<PCRE2_SPTR>(ref.c_str()));
}

/// Appends Python's expansion of `repl` for the match described by `ov`.
Status expand(pcre2_code* code, const PCRE2_SIZE* ov, int groups, const std::string& text,
              const std::string& repl, std::string& out) {
  auto group = [&](int n) -> Status {
    if (n < 0 || n >= groups) return regex_error(repl, "invalid group reference " + std::to_string(n));
    if (ov[2 * n] != PCRE2_UNSET) out.append(text, ov[2 * n], ov[2 * n + 1] - ov[2 * n]);
    return {};
  };
  for (size_t i = 0; i < repl.size(); ++i) {
    char c = repl[i];
    if (c != '\\' || i + 1 == repl.size()) {
      out += c;
      continue;
    }
    char e = repl[++i];
    if (std::isdigit(static_cast<unsigned char>(e))) {
      int n = e - '0';
      if (i + 1 < repl.size() && std::isdigit(static_cast<unsigned char>(repl[i + 1]))) n = n * 10 + (repl[++i] - '0');
      if (auto s = group(n); !s) return s;
    } else if (e == 'g' && i + 1 < repl.size() && repl[i + 1] == '<') {
      size_t end = repl.find('>', i);
      if (end == std::string::npos) return regex_error(repl, "missing '>' in group reference");
      int n = group_number(code, repl.substr(i + 2, end - i - 2));
      i = end;
      if (auto s = group(n); !s) return s;
    } else {
      static const std::string_view kSimple = "nrtfvab";
      static const std::string_view kValue = "\n\r\t\f\v\a\b";
      size_t k = kSimple.find(e);
      if (k != std::string_view::npos) out += kValue[k];
      else if (e == '\\') out += '\\';
      else out += std::string{'\\', e};
    }
  }
  return {};
}

}  // namespace

Result<PyRegex> PyRegex::compile(const std::string& pattern, bool ignorecase, bool multiline) {
  uint32_t options = PCRE2_UTF | PCRE2_UCP;
  if (ignorecase) options |= PCRE2_CASELESS;
  if (multiline) options |= PCRE2_MULTILINE;
  std::string translated = translate(pattern);
  int code_error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()), translated.size(), options,
                                   &code_error, &offset, nullptr);
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(code_error, message, sizeof message);
    return regex_error(pattern, reinterpret_cast<char*>(message) + std::string(" at offset ") + std::to_string(offset));
  }
  PyRegex re;
  re.pattern_ = pattern;
  re.code_ = std::make_shared<Code>();
  re.code_->code = code;
  return re;
}

Result<std::string> PyRegex::sub(const std::string& replacement, const std::string& text) const {
  std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> md(
      pcre2_match_data_create_from_pattern(code_->code, nullptr), &pcre2_match_data_free);
  auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  std::string out;
  PCRE2_SIZE pos = 0;
  PCRE2_SIZE copied = 0;
  uint32_t flags = 0;
  uint32_t captures = 0;
  pcre2_pattern_info(code_->code, PCRE2_INFO_CAPTURECOUNT, &captures);
  int groups = static_cast<int>(captures) + 1;
  while (pos <= text.size()) {
    int rc = pcre2_match(code_->code, subject, text.size(), pos, flags, md.get(), nullptr);
    if (rc == PCRE2_ERROR_NOMATCH && flags != 0) {
      // No non-empty match right after an empty one: step one character and search again.
      ++pos;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      flags = 0;
      continue;
    }
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) return regex_error(pattern_, "match failed with code " + std::to_string(rc));
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.get());
    out.append(text, copied, ov[0] - copied);
    if (auto s = expand(code_->code, ov, groups, text, replacement, out); !s) return s.error();
    copied = ov[1];
    pos = ov[1];
    flags = ov[0] == ov[1] ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace ec2::inventory::aws_ec2
