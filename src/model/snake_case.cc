#include "ec2/model/snake_case.h"

namespace ec2 {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

/// `re.sub(r'[A-Z]{3,}s$', '_' + lower(match), name)`, then drop a leading `_` it introduced.
std::string split_plural_abbreviation(std::string_view name) {
  std::string out(name);
  if (name.size() < 4 || name.back() != 's') return out;
  size_t start = name.size() - 1;
  while (start > 0 && upper(name[start - 1])) --start;
  if (name.size() - 1 - start < 3) return out;
  out = std::string(name.substr(0, start));
  if (start > 0) out += '_';  // nothing before the abbreviation: no underscore
  for (char c : name.substr(start)) out += static_cast<char>(upper(c) ? c - 'A' + 'a' : c);
  return out;
}

/// `re.sub(pattern, r'\1_\2', s)` for the patterns `(first)(head tail{min_tail,})`, scanned left
/// to right with matches that do not overlap, as Python's re.sub scans.
template <class First, class Head, class Tail>
std::string underscore_before(const std::string& s, First first, Head head, Tail tail, size_t min_tail) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t end = i + 2;
    bool starts = i + 1 < s.size() && first(s[i]) && head(s[i + 1]);
    while (starts && end < s.size() && tail(s[end])) ++end;
    if (starts && end - (i + 2) >= min_tail) {
      out += s[i];
      out += '_';
      out.append(s, i + 1, end - i - 1);
      i = end;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace

std::string camel_to_snake(std::string_view name) {
  // r'(.)([A-Z][a-z]+)', then r'([a-z0-9])([A-Z]+)'.
  std::string words = underscore_before(split_plural_abbreviation(name), [](char c) { return c != '\n'; }, upper, lower, 1);
  std::string out = underscore_before(words, [](char c) { return lower(c) || digit(c); }, upper, upper, 0);
  for (char& c : out) c = static_cast<char>(upper(c) ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace ec2
