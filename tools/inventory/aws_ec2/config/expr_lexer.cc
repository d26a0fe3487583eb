#include "config/expr_lexer.h"

#include <array>
#include <cctype>

namespace ec2::inventory::aws_ec2 {
namespace {

constexpr std::array<std::string_view, 10> kTwoCharOps = {"==", "!=", "<=", ">=", "//", "**"};
constexpr std::string_view kOneCharOps = "()[]{}.,|~+-*/%<>:=!";

bool name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

/// Reads a quoted string starting at `pos` (the quote); with Python escapes Jinja2 unescapes like
/// Python, with literal escapes backslash pairs are kept as written.
Result<Token> read_string(std::string_view s, size_t& pos, StringEscapes escapes) {
  Token t{TokenKind::String, {}, {}, pos};
  char quote = s[pos++];
  while (pos < s.size() && s[pos] != quote) {
    char c = s[pos++];
    if (c != '\\' || pos >= s.size()) {
      t.text += c;
      continue;
    }
    char e = s[pos++];
    if (escapes == StringEscapes::Literal) {
      t.text += c;
      t.text += e;
      continue;
    }
    switch (e) {
      case 'n': t.text += '\n'; break;
      case 't': t.text += '\t'; break;
      case 'r': t.text += '\r'; break;
      case '\\': case '\'': case '"': t.text += e; break;
      default: t.text += '\\'; t.text += e;
    }
  }
  if (pos >= s.size()) return expression_error(s, t.pos, "unterminated string");
  ++pos;
  return t;
}

Token read_number(std::string_view s, size_t& pos) {
  Token t{TokenKind::Number, {}, {}, pos};
  size_t start = pos;
  while (pos < s.size() && (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == '_')) ++pos;
  bool is_float = false;
  if (pos + 1 < s.size() && s[pos] == '.' && std::isdigit(static_cast<unsigned char>(s[pos + 1]))) {
    is_float = true;
    ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
  }
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    size_t e = pos + 1;
    if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
    if (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) {
      is_float = true;
      pos = e;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
  }
  std::string text(s.substr(start, pos - start));
  std::erase(text, '_');
  t.text = text;
  t.number = is_float ? Json(std::stod(text)) : Json(std::stoll(text));
  return t;
}

}  // namespace

Error expression_error(std::string_view source, size_t pos, const std::string& message) {
  return make_error(ErrorCategory::Config, "TemplateSyntax",
                    message + " at column " + std::to_string(pos + 1) + " in '" + std::string(source) + "'");
}

Result<std::vector<Token>> tokenize(std::string_view s, StringEscapes escapes) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (true) {
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos >= s.size()) break;
    auto c = static_cast<unsigned char>(s[pos]);
    if (c == '\'' || c == '"') {
      auto t = read_string(s, pos, escapes);
      if (!t) return t.error();
      tokens.push_back(std::move(*t));
    } else if (std::isdigit(c)) {
      tokens.push_back(read_number(s, pos));
    } else if (name_start(c)) {
      size_t start = pos;
      while (pos < s.size() && name_char(static_cast<unsigned char>(s[pos]))) ++pos;
      tokens.push_back(Token{TokenKind::Name, std::string(s.substr(start, pos - start)), {}, start});
    } else {
      std::string_view two = s.substr(pos, 2);
      bool is_two = false;
      for (auto op : kTwoCharOps) is_two = is_two || (!op.empty() && op == two);
      if (!is_two && kOneCharOps.find(static_cast<char>(c)) == std::string_view::npos) {
        return expression_error(s, pos, std::string("unexpected character '") + static_cast<char>(c) + "'");
      }
      size_t len = is_two ? 2 : 1;
      tokens.push_back(Token{TokenKind::Operator, std::string(s.substr(pos, len)), {}, pos});
      pos += len;
    }
  }
  tokens.push_back(Token{TokenKind::End, {}, {}, s.size()});
  return tokens;
}

}  // namespace ec2::inventory::aws_ec2
