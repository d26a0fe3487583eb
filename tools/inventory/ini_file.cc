#include "ini_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace ec2::inventory {
namespace {

std::string strip(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\f\v");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\f\v");
  return text.substr(begin, end - begin + 1);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

size_t indentation(const std::string& line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

/// State of the line-by-line parse.
struct Parser {
  IniFile file;
  IniSection* section = nullptr;  ///< Current section (sections are stored in a stable deque).
  IniOption* option = nullptr;    ///< Last option, target of continuation lines.
  size_t option_indent = 0;
  bool option_blank_pending = false;  ///< Blank lines inside a multi-line value.

  Status feed(const std::string& raw, int number);
  Status header(const std::string& text, int number);
  Status assignment(const std::string& text, size_t indent, int number);
};

Status Parser::header(const std::string& text, int number) {
  size_t close = text.rfind(']');
  std::string name = text.substr(1, close - 1);
  for (const IniSection& existing : file.sections) {
    if (existing.name == name) {
      return ini_error(file.path, number, "section [" + name + "] already appeared on line " +
                                              std::to_string(existing.line));
    }
  }
  file.sections.push_back({name, number, {}});
  section = &file.sections.back();
  option = nullptr;
  return {};
}

Status Parser::assignment(const std::string& text, size_t indent, int number) {
  size_t delimiter = text.find_first_of("=:");
  if (delimiter == std::string::npos || delimiter == 0) {
    return ini_error(file.path, number, "expected 'option = value', got '" + text + "'");
  }
  if (section == nullptr) {
    return ini_error(file.path, number, "option '" + strip(text.substr(0, delimiter)) +
                                            "' appears before any [section] header");
  }
  std::string name = lower(strip(text.substr(0, delimiter)));
  if (name.empty()) return ini_error(file.path, number, "empty option name");
  if (const IniOption* existing = section->find(name)) {
    return ini_error(file.path, number, "option '" + name + "' in section [" + section->name +
                                            "] already set on line " +
                                            std::to_string(existing->line));
  }
  section->options.push_back({name, strip(text.substr(delimiter + 1)), number});
  option = &section->options.back();
  option_indent = indent;
  option_blank_pending = false;
  return {};
}

Status Parser::feed(const std::string& raw, int number) {
  std::string line = raw;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::string text = strip(line);
  size_t indent = indentation(line);
  if (text.empty()) {
    if (option) option_blank_pending = true;
    return {};
  }
  if (text[0] == '#' || text[0] == ';') return {};
  if (option && indent > option_indent) {  // continuation of the previous value
    if (option_blank_pending) option->value += '\n';
    option->value += (option->value.empty() ? "" : "\n") + text;
    option_blank_pending = false;
    return {};
  }
  option = nullptr;
  if (text[0] == '[' && text.find(']') != std::string::npos) return header(text, number);
  return assignment(text, indent, number);
}

}  // namespace

Error ini_error(const std::string& path, int line, const std::string& message) {
  return make_error(ErrorCategory::Config, "InvalidConfig",
                    path + ":" + std::to_string(line) + ": " + message);
}

const IniOption* IniSection::find(const std::string& option_name) const {
  for (const IniOption& option : options) {
    if (option.name == option_name) return &option;
  }
  return nullptr;
}

const IniSection* IniFile::section(const std::string& name) const {
  for (const IniSection& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const IniOption* IniFile::lookup(const std::string& section_name, const std::string& name) const {
  if (const IniSection* s = section(section_name)) {
    if (const IniOption* option = s->find(name)) return option;
  }
  if (const IniSection* defaults = section("DEFAULT")) return defaults->find(name);
  return nullptr;
}

Result<std::string> IniFile::interpolate(const std::string& section_name, const IniOption& option,
                                         const std::map<std::string, std::string>& defaults) const {
  const std::string& raw = option.value;
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 1 < raw.size() && raw[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    size_t close = raw.find(")s", i);
    if (i + 1 >= raw.size() || raw[i + 1] != '(' || close == std::string::npos) {
      return ini_error(path, option.line, "option '" + option.name +
                                              "': '%' must be followed by '%' or '(name)s' "
                                              "(write %% for a literal percent sign)");
    }
    std::string name = lower(raw.substr(i + 2, close - i - 2));
    if (const IniOption* target = lookup(section_name, name)) {
      if (target == &option) {
        return ini_error(path, option.line, "option '" + option.name + "' refers to itself");
      }
      auto value = interpolate(section_name, *target, defaults);
      if (!value) return value.error();
      out += *value;
    } else if (auto it = defaults.find(name); it != defaults.end()) {
      out += it->second;
    } else {
      return ini_error(path, option.line, "option '" + option.name + "' refers to '%(" + name +
                                              ")s', which is not set");
    }
    i = close + 1;
  }
  return out;
}

Result<IniFile> parse_ini(const std::string& path, const std::string& text) {
  Parser parser;
  parser.file.path = path;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    Status status = parser.feed(line, number);
    if (!status) return status.error();
  }
  return std::move(parser.file);
}

Result<IniFile> load_ini(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCategory::Io, "ConfigNotReadable", "cannot read config file " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_ini(path, text.str());
}

}  // namespace ec2::inventory
