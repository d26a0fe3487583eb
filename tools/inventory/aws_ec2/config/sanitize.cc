#include "config/sanitize.h"

#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2 {

std::string safe_group_name(std::string_view name) {
  std::u32string text = unicode::decode(name);
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text[i];
    bool bad = !unicode::is_word(cp) || (i == 0 && unicode::is_digit(cp));
    unicode::append(out, bad ? U'_' : cp);
  }
  return out;
}

std::string contrib_safe_group_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char32_t cp : unicode::decode(name)) {
    bool ok = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
              cp == '_' || cp == '-';
    unicode::append(out, ok ? cp : U'_');
  }
  return out;
}

}  // namespace ec2::inventory::aws_ec2
