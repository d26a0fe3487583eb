#include <algorithm>

#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2::unicode {
namespace {

bool in_ranges(std::span<const CodeRange> ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const CodeRange& r) { return c < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->last;
}

char32_t mapped(std::span<const CodeMapping> table, char32_t cp) {
  auto it = std::lower_bound(table.begin(), table.end(), cp,
                             [](const CodeMapping& m, char32_t c) { return m.from < c; });
  return it != table.end() && it->from == cp ? it->to : cp;
}

const char* special(std::span<const SpecialMapping> table, char32_t cp) {
  auto it = std::lower_bound(table.begin(), table.end(), cp,
                             [](const SpecialMapping& m, char32_t c) { return m.from < c; });
  return it != table.end() && it->from == cp ? it->to : nullptr;
}

std::string map_text(std::span<const CodeMapping> table, std::span<const SpecialMapping> specials,
                     std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (char32_t cp : decode(utf8)) {
    if (const char* s = cp < 0x80 ? nullptr : special(specials, cp)) out += s;
    else append(out, mapped(table, cp));
  }
  return out;
}

}  // namespace

bool is_word(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                        (cp >= 'A' && cp <= 'Z') || cp == '_';
  return in_ranges(kWord, cp);
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_ranges(kDigit, cp);
}

bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return !in_ranges(kNonPrintable, cp);
}

std::string to_lower(std::string_view utf8) { return map_text(kLower, kLowerSpecial, utf8); }
std::string to_upper(std::string_view utf8) { return map_text(kUpper, kUpperSpecial, utf8); }

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    bool valid = true;
    for (int k = 1; k <= extra; ++k) {
      auto cont = static_cast<unsigned char>(s[i + k]);
      if ((cont & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (cont & 0x3F);
    }
    out.push_back(valid ? cp : 0xFFFD);
    i += valid ? extra + 1 : 1;
  }
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append(out, cp);
  return out;
}

}  // namespace ec2::inventory::aws_ec2::unicode
