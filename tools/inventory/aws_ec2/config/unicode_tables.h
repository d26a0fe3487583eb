#pragma once
/// Unicode character classes and case mappings as Python 3 sees them, so group names, hostnames
/// and the `lower`/`upper` filters come out exactly as the Ansible plugin makes them.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace ec2::inventory::aws_ec2::unicode {

/// Inclusive range of code points.
struct CodeRange {
  char32_t first;
  char32_t last;
};

/// A code point and its one-code-point case mapping.
struct CodeMapping {
  char32_t from;
  char32_t to;
};

/// A code point whose case mapping is several code points (U+00DF 'ß' upper-cases to "SS").
struct SpecialMapping {
  char32_t from;
  const char* to;  ///< UTF-8.
};

/// Generated tables (unicode_tables.cc), sorted by code point.
extern const std::span<const CodeRange> kWord;    ///< Python `\w`: alphanumerics and `_`.
extern const std::span<const CodeRange> kDigit;   ///< Python `\d`: decimal digits (Nd).
extern const std::span<const CodeRange> kNonPrintable;  ///< Not str.isprintable() (repr escapes them).
extern const std::span<const CodeMapping> kLower; ///< str.lower() where it maps to one code point.
extern const std::span<const CodeMapping> kUpper; ///< str.upper() where it maps to one code point.
extern const std::span<const SpecialMapping> kLowerSpecial;  ///< str.lower() one-to-many mappings.
extern const std::span<const SpecialMapping> kUpperSpecial;  ///< str.upper() one-to-many mappings.

/// True when `cp` matches Python's `\w`.
bool is_word(char32_t cp);
/// True when `cp` matches Python's `\d`.
bool is_digit(char32_t cp);
/// False when Python's repr() escapes `cp`.
bool is_printable(char32_t cp);
/// Python's str.lower() / str.upper(), one-to-many mappings included ('ß'.upper() is "SS").
std::string to_lower(std::string_view utf8);
std::string to_upper(std::string_view utf8);

/// Decodes UTF-8 into code points; an invalid byte becomes U+FFFD.
std::u32string decode(std::string_view utf8);
/// Encodes code points as UTF-8.
std::string encode(std::u32string_view text);
/// Appends one code point as UTF-8.
void append(std::string& out, char32_t cp);

}  // namespace ec2::inventory::aws_ec2::unicode
