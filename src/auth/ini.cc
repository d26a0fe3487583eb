#include "auth/ini.h"

#include <optional>
#include <utility>

namespace ec2::auth {
namespace {

unsigned char byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

/// Byte length of the whitespace character at the start of `s` (0 if none), with Python's
/// str.isspace() idea of whitespace, which includes some non-ASCII spaces (UTF-8 encoded).
size_t space_at(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = byte(s, 0);
  if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) return 1;
  if (c == 0xc2 && s.size() >= 2 && (byte(s, 1) == 0x85 || byte(s, 1) == 0xa0)) return 2;
  if (s.size() < 3) return 0;
  unsigned char b1 = byte(s, 1), b2 = byte(s, 2);
  if (c == 0xe1 && b1 == 0x9a && b2 == 0x80) return 3;  // U+1680
  if (c == 0xe2 && b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf)) {
    return 3;  // U+2000..U+200A, U+2028, U+2029, U+202F
  }
  if (c == 0xe2 && b1 == 0x81 && b2 == 0x9f) return 3;  // U+205F
  if (c == 0xe3 && b1 == 0x80 && b2 == 0x80) return 3;  // U+3000
  return 0;
}

/// Byte length of the whitespace character that ends `s`, or 0.
size_t space_before_end(std::string_view s) {
  for (size_t len = 1; len <= 3 && len <= s.size(); ++len) {
    if (space_at(s.substr(s.size() - len)) == len) return len;
  }
  return 0;
}

/// Python's str.strip().
std::string_view strip(std::string_view s) {
  while (size_t n = space_at(s)) s.remove_prefix(n);
  while (size_t n = space_before_end(s)) s.remove_suffix(n);
  return s;
}

/// Indentation in characters (not bytes), as configparser measures it.
size_t indentation(std::string_view s) {
  size_t count = 0;
  while (size_t n = space_at(s)) {
    s.remove_prefix(n);
    ++count;
  }
  return count;
}

/// Byte length of a line boundary of Python's str.splitlines() other than "\n"/"\r" (which
/// never occur inside a line here) at the start of `s`, or 0.
size_t extra_line_break_at(std::string_view s) {
  unsigned char c = byte(s, 0);
  if (c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e) return 1;
  if (s.starts_with("\xc2\x85")) return 2;
  if (s.starts_with("\xe2\x80\xa8") || s.starts_with("\xe2\x80\xa9")) return 3;
  return 0;
}

/// Splits one line further where str.splitlines() would.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = extra_line_break_at(s.substr(i))) {
      out.push_back(s.substr(start, i - start));
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// Length of the valid UTF-8 sequence starting at `s[i]`, or 0 if it is invalid.
size_t utf8_length(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  unsigned cp = len == 1 ? b : b & (0x7f >> len);
  for (size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 0x2) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  static constexpr unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

/// A value while it is being read: its lines, each with its line number.
struct PendingValue {
  std::vector<std::pair<std::string, int>> lines;
  int line = 0;
};

struct PendingSection {
  std::string name;
  int line = 0;
  std::vector<std::pair<std::string, PendingValue>> values;  // lowercased key, value

  PendingValue* find(const std::string& key) {
    for (auto& [k, v] : values) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

/// Reads the file line by line (the configparser state machine).
class Reader {
 public:
  explicit Reader(std::string_view path) : path_(path) {}

  Status line(std::string_view raw, int lineno);
  std::vector<PendingSection>& sections() { return sections_; }
  PendingSection& defaults() { return defaults_; }

  Error error(int lineno, const std::string& message) const {
    return make_error(ErrorCategory::Config, "ConfigParseError",
                      std::string(path_) + ":" + std::to_string(lineno) + ": " + message);
  }

 private:
  Status header(std::string_view name, int lineno);
  Status option(std::string_view value, int lineno);

  std::string_view path_;
  std::vector<PendingSection> sections_;
  PendingSection defaults_{"DEFAULT", 0, {}};
  PendingSection* current_ = nullptr;
  PendingValue* option_ = nullptr;  ///< The value continuation lines extend.
  size_t indent_ = 0;
};

Status Reader::line(std::string_view raw, int lineno) {
  if (!valid_utf8(raw)) return error(lineno, "not valid UTF-8");
  std::string_view value = strip(raw);
  if (value.starts_with('#') || value.starts_with(';')) return {};
  if (value.empty()) {
    if (option_ != nullptr) option_->lines.emplace_back("", lineno);
    return {};
  }
  size_t indent = indentation(raw);
  if (current_ != nullptr && option_ != nullptr && indent > indent_) {
    option_->lines.emplace_back(std::string(value), lineno);
    return {};
  }
  indent_ = indent;
  size_t close = value.rfind(']');
  if (value.front() == '[' && close != std::string_view::npos && close >= 2) {
    return header(value.substr(1, close - 1), lineno);
  }
  if (current_ == nullptr) {
    std::string message(1, '\'');
    message.append(value).append("' comes before any [section] header");
    return error(lineno, message);
  }
  return option(value, lineno);
}

Status Reader::header(std::string_view name, int lineno) {
  option_ = nullptr;
  if (name == "DEFAULT") {
    current_ = &defaults_;
    return {};
  }
  for (const auto& s : sections_) {
    if (s.name == name) {
      return error(lineno, "section [" + std::string(name) + "] already appeared on line " +
                               std::to_string(s.line));
    }
  }
  sections_.push_back(PendingSection{std::string(name), lineno, {}});
  current_ = &sections_.back();
  return {};
}

Status Reader::option(std::string_view value, int lineno) {
  size_t delim = value.find_first_of("=:");
  if (delim == std::string_view::npos) {
    return error(lineno, "expected 'key = value' or a [section] header, got '" + std::string(value) + "'");
  }
  std::string key = lower(strip(value.substr(0, delim)));
  if (key.empty()) return error(lineno, "missing key name before '" + std::string(1, value[delim]) + "'");
  if (PendingValue* existing = current_->find(key)) {
    return error(lineno, "key '" + key + "' already set on line " + std::to_string(existing->line) +
                             " in section [" + current_->name + "]");
  }
  PendingValue v;
  v.line = lineno;
  v.lines.emplace_back(std::string(strip(value.substr(delim + 1))), lineno);
  current_->values.emplace_back(std::move(key), std::move(v));
  option_ = &current_->values.back().second;
  return {};
}

/// Joins a value's lines; a value that starts with a line break is a nested sub-section.
Result<IniValue> finish_value(const PendingValue& pending, const Reader& reader) {
  IniValue out;
  out.line = pending.line;
  for (size_t i = 0; i < pending.lines.size(); ++i) {
    if (i > 0) out.text.push_back('\n');
    out.text += pending.lines[i].first;
  }
  std::string_view kept = out.text;
  while (size_t n = space_before_end(kept)) kept.remove_suffix(n);
  out.text.resize(kept.size());
  if (!out.text.starts_with('\n')) return out;
  out.is_nested = true;
  for (const auto& [text, lineno] : pending.lines) {
    for (std::string_view piece : split_lines(text)) {
      std::string_view line = strip(piece);
      if (line.empty()) continue;
      size_t eq = line.find('=');
      if (eq == std::string_view::npos) {
        return reader.error(lineno, "nested setting must be 'name = value', got '" + std::string(line) + "'");
      }
      out.nested[std::string(strip(line.substr(0, eq)))] = std::string(strip(line.substr(eq + 1)));
    }
  }
  return out;
}

}  // namespace

const std::string* IniSection::get(std::string_view key) const {
  auto it = values.find(std::string(key));
  if (it == values.end() || it->second.is_nested) return nullptr;
  return &it->second.text;
}

const IniSection* IniFile::find(std::string_view name) const {
  for (const auto& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Result<IniFile> parse_ini(std::string_view text, std::string_view display_path) {
  Reader reader(display_path);
  // Universal newlines: "\n", "\r\n" and "\r" all end a line.
  int lineno = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    EC2_TRY(reader.line(text.substr(start, end - start), ++lineno));
    start = end + ((end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ? 2 : 1);
  }
  IniFile file;
  for (auto& pending : reader.sections()) {
    IniSection section{pending.name, pending.line, {}};
    for (const auto& [key, value] : pending.values) {
      auto finished = finish_value(value, reader);
      if (!finished) return finished.error();
      section.values.emplace(key, std::move(*finished));
    }
    for (const auto& [key, value] : reader.defaults().values) {
      if (section.values.count(key) != 0) continue;
      auto finished = finish_value(value, reader);
      if (!finished) return finished.error();
      section.values.emplace(key, std::move(*finished));
    }
    file.sections.push_back(std::move(section));
  }
  return file;
}

}  // namespace ec2::auth
