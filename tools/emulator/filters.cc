#include "filters.h"

#include <fmt/format.h>

#include "api_error.h"

namespace ec2::emu {

namespace {

/// Bytes in the UTF-8 sequence starting at `text[at]` (1 for ASCII and for malformed bytes).
size_t utf8_length(std::string_view text, size_t at) {
  size_t length = 1;
  while (at + length < text.size() && (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80) ++length;
  return length;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
  // Iterative glob with single-star backtracking: linear in practice, no recursion.
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '\\' && p + 1 < pattern.size()) {
      if (pattern[p + 1] == text[t]) {
        p += 2;
        ++t;
        continue;
      }
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
      continue;
    } else if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      t += utf8_length(text, t);  // one character, not one byte
      continue;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
      continue;
    }
    if (star == std::string_view::npos) return false;
    p = star + 1;
    resume += utf8_length(text, resume);
    t = resume;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool any_matches(const std::vector<std::string>& patterns, std::string_view text) {
  for (const std::string& pattern : patterns) {
    if (wildcard_match(pattern, text)) return true;
  }
  return false;
}

Error unknown_filter(std::string_view name) {
  return invalid_value(fmt::format("The filter '{}' is invalid", name));
}

}  // namespace ec2::emu
