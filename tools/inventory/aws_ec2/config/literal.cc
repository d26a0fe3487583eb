// py::literal_eval: the subset of Python's ast.literal_eval that Ansible applies to rendered text.

#include <cstdlib>

#include "config/pyvalue.h"
#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2::py {
namespace {

/// Recursive-descent reader of one Python literal; every method returns nullopt on anything else.
class LiteralReader {
 public:
  explicit LiteralReader(std::string_view text) : s_(text) {}

  std::optional<Json> read_all() {
    auto value = read_value(0);
    skip_space();
    if (!value || pos_ != s_.size()) return std::nullopt;
    return value;
  }

 private:
  static constexpr int kMaxDepth = 100;

  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::optional<Json> read_value(int depth) {
    if (depth > kMaxDepth) return std::nullopt;
    skip_space();
    if (pos_ >= s_.size()) return std::nullopt;
    char c = s_[pos_];
    if (c == '[') return read_sequence(']', depth);
    if (c == '(') return read_sequence(')', depth);
    if (c == '{') return read_dict(depth);
    if (c == '\'' || c == '"') return read_string();
    if (c == '-' || c == '+' || (c >= '0' && c <= '9') || c == '.') return read_number();
    return read_name();
  }

  std::optional<Json> read_sequence(char close, int depth) {
    ++pos_;
    Json list = Json::array();
    if (eat(close)) return list;
    while (true) {
      auto item = read_value(depth + 1);
      if (!item) return std::nullopt;
      list.push_back(std::move(*item));
      if (eat(close)) return list;
      if (!eat(',')) return std::nullopt;
      if (eat(close)) return list;
    }
  }

  std::optional<Json> read_dict(int depth) {
    ++pos_;
    Json dict = Json::object();
    if (eat('}')) return dict;
    while (true) {
      auto key = read_value(depth + 1);
      if (!key || !key->is_string() || !eat(':')) return std::nullopt;
      auto value = read_value(depth + 1);
      if (!value) return std::nullopt;
      dict[key->get<std::string>()] = std::move(*value);
      if (eat('}')) return dict;
      if (!eat(',')) return std::nullopt;
      if (eat('}')) return dict;
    }
  }

  std::optional<Json> read_name() {
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
    std::string_view name = s_.substr(start, pos_ - start);
    if (name == "True" || name == "true") return Json(true);
    if (name == "False" || name == "false") return Json(false);
    if (name == "None" || name == "null") return Json(nullptr);
    return std::nullopt;
  }

  std::optional<Json> read_number() {
    size_t start = pos_;
    if (s_[pos_] == '-' || s_[pos_] == '+') ++pos_;
    bool is_float = false;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
      } else if ((c == '-' || c == '+') && (s_[pos_ - 1] == 'e' || s_[pos_ - 1] == 'E')) {
      } else if (!(c >= '0' && c <= '9') && c != '_') {
        break;
      }
      ++pos_;
    }
    std::string text(s_.substr(start, pos_ - start));
    std::erase(text, '_');
    char* end = nullptr;
    if (is_float) {
      double d = std::strtod(text.c_str(), &end);
      if (end != text.c_str() + text.size()) return std::nullopt;
      return Json(d);
    }
    long long n = std::strtoll(text.c_str(), &end, 10);
    if (end != text.c_str() + text.size() || text.empty()) return std::nullopt;
    return Json(n);
  }

  std::optional<char32_t> read_hex(size_t digits) {
    if (pos_ + digits > s_.size()) return std::nullopt;
    std::string hex(s_.substr(pos_, digits));
    char* end = nullptr;
    unsigned long v = std::strtoul(hex.c_str(), &end, 16);
    if (end != hex.c_str() + digits) return std::nullopt;
    pos_ += digits;
    return static_cast<char32_t>(v);
  }

  bool read_escape(std::string& out) {
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_++];
    std::optional<char32_t> cp;
    switch (c) {
      case 'n': out += '\n'; return true;
      case 't': out += '\t'; return true;
      case 'r': out += '\r'; return true;
      case '0': out += '\0'; return true;
      case 'a': out += '\a'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'v': out += '\v'; return true;
      case '\n': return true;
      case '\\': case '\'': case '"': out += c; return true;
      case 'x': cp = read_hex(2); break;
      case 'u': cp = read_hex(4); break;
      case 'U': cp = read_hex(8); break;
      default: out += '\\'; out += c; return true;
    }
    if (!cp) return false;
    unicode::append(out, *cp);
    return true;
  }

  std::optional<Json> read_string() {
    char quote = s_[pos_++];
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == quote) return Json(std::move(out));
      if (c == '\n') return std::nullopt;
      if (c != '\\') {
        out += c;
      } else if (!read_escape(out)) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<Json> literal_eval(std::string_view text) { return LiteralReader(text).read_all(); }

}  // namespace ec2::inventory::aws_ec2::py
