// Recursive-descent parser for the Jinja2 expression subset, with Jinja2's operator precedence:
// conditional < or < and < not < comparisons < + - < ~ < unary/postfix/filters.

#include <set>

#include "config/expr.h"
#include "config/expr_lexer.h"
#include "config/pyregex.h"

namespace ec2::inventory::aws_ec2 {
namespace {

using NodePtr = std::shared_ptr<const Node>;

/// Filters and tests this engine implements (checked at compile time).
const std::set<std::string, std::less<>> kFilters = {
    "lower", "upper", "default", "d", "replace", "regex_replace", "join",
    "length", "count", "string", "int", "first", "last"};
const std::set<std::string, std::less<>> kTests = {
    "defined", "undefined", "none", "string", "number", "mapping", "sequence", "boolean"};

class Parser {
 public:
  Parser(std::string_view source, std::vector<Token> tokens) : src_(source), toks_(std::move(tokens)) {}

  Result<NodePtr> parse() {
    auto node = expression();
    if (!node) return node;
    if (peek().kind != TokenKind::End) return unexpected();
    return node;
  }

 private:
  const Token& peek(size_t ahead = 0) const { return toks_[std::min(i_ + ahead, toks_.size() - 1)]; }
  const Token& next() { return toks_[std::min(i_++, toks_.size() - 1)]; }
  bool is_op(std::string_view op, size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::Operator && peek(ahead).text == op;
  }
  bool is_name(std::string_view name, size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::Name && peek(ahead).text == name;
  }

  Error error_at(size_t pos, const std::string& message) const { return expression_error(src_, pos, message); }
  Error unexpected() const {
    const Token& t = peek();
    if (t.kind == TokenKind::End) return error_at(t.pos, "unexpected end of expression");
    std::string what = t.kind == TokenKind::String ? "string" : "'" + t.text + "'";
    if (t.kind == TokenKind::Operator && std::string_view("*/%").find(t.text[0]) != std::string_view::npos) {
      return error_at(t.pos, "operator " + what + " is not supported");
    }
    return error_at(t.pos, "unexpected " + what);
  }
  Status expect_op(std::string_view op) {
    if (!is_op(op)) return unexpected();
    ++i_;
    return {};
  }

  static NodePtr make(NodeKind kind, size_t pos, std::string text, std::vector<NodePtr> args) {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->pos = pos;
    n->text = std::move(text);
    n->args = std::move(args);
    return n;
  }

  Result<NodePtr> expression() {
    auto body = or_expr();
    if (!body || !is_name("if")) return body;
    size_t pos = next().pos;
    auto cond = or_expr();
    if (!cond) return cond;
    NodePtr otherwise;
    if (is_name("else")) {
      ++i_;
      auto e = expression();
      if (!e) return e;
      otherwise = *e;
    } else {
      auto n = std::make_shared<Node>();
      n->kind = NodeKind::Name;
      n->text = "";
      otherwise = n;  // An empty name is always undefined, like Jinja2's missing else branch.
    }
    return make(NodeKind::IfElse, pos, "if", {*cond, *body, otherwise});
  }

  template <class Sub>
  Result<NodePtr> binary_chain(NodeKind kind, std::string_view word, Sub sub) {
    auto left = (this->*sub)();
    if (!left) return left;
    while (is_name(word)) {
      size_t pos = next().pos;
      auto right = (this->*sub)();
      if (!right) return right;
      left = make(kind, pos, std::string(word), {*left, *right});
    }
    return left;
  }

  Result<NodePtr> or_expr() { return binary_chain(NodeKind::Or, "or", &Parser::and_expr); }
  Result<NodePtr> and_expr() { return binary_chain(NodeKind::And, "and", &Parser::not_expr); }

  Result<NodePtr> not_expr() {
    if (!is_name("not")) return compare();
    size_t pos = next().pos;
    auto operand = not_expr();
    if (!operand) return operand;
    return make(NodeKind::Not, pos, "not", {*operand});
  }

  /// Comparison operator at the cursor ("" when none); `notin` for `not in`.
  std::string compare_op() const {
    static const std::set<std::string, std::less<>> ops = {"==", "!=", "<", "<=", ">", ">="};
    if (peek().kind == TokenKind::Operator && ops.count(peek().text)) return peek().text;
    if (is_name("in")) return "in";
    if (is_name("not") && is_name("in", 1)) return "notin";
    return "";
  }

  /// Python/Jinja2 chained comparisons: `a < b < c` is `a < b and b < c`.
  Result<NodePtr> compare() {
    auto left = additive();
    if (!left) return left;
    NodePtr result;
    for (std::string op = compare_op(); !op.empty(); op = compare_op()) {
      size_t pos = next().pos;
      if (op == "notin") ++i_;
      auto right = additive();
      if (!right) return right;
      NodePtr cmp = make(NodeKind::Compare, pos, op, {*left, *right});
      result = result ? make(NodeKind::And, pos, "and", {result, cmp}) : cmp;
      left = right;
    }
    return result ? result : *left;
  }

  Result<NodePtr> additive() {
    auto left = concat();
    if (!left) return left;
    while (is_op("+") || is_op("-")) {
      const Token& t = next();
      auto right = concat();
      if (!right) return right;
      left = make(t.text == "+" ? NodeKind::Add : NodeKind::Sub, t.pos, t.text, {*left, *right});
    }
    return left;
  }

  Result<NodePtr> concat() {
    auto left = unary(true);
    if (!left) return left;
    while (is_op("~")) {
      size_t pos = next().pos;
      auto right = unary(true);
      if (!right) return right;
      left = make(NodeKind::Concat, pos, "~", {*left, *right});
    }
    return left;
  }

  Result<NodePtr> unary(bool with_filters) {
    Result<NodePtr> node = NodePtr();
    if (is_op("-") || is_op("+")) {
      const Token& t = next();
      auto operand = unary(false);
      if (!operand) return operand;
      node = t.text == "-" ? make(NodeKind::Neg, t.pos, "-", {*operand}) : *operand;
    } else {
      node = primary();
    }
    if (!node) return node;
    node = postfix(*node);
    if (!node || !with_filters) return node;
    return filters(*node);
  }

  Result<NodePtr> primary() {
    const Token& t = peek();
    if (t.kind == TokenKind::Name) {
      ++i_;
      auto n = std::make_shared<Node>();
      n->pos = t.pos;
      if (t.text == "true" || t.text == "True") n->literal = true;
      else if (t.text == "false" || t.text == "False") n->literal = false;
      else if (t.text == "none" || t.text == "None") n->literal = nullptr;
      else n->kind = NodeKind::Name;
      n->text = t.text;
      return NodePtr(n);
    }
    if (t.kind == TokenKind::String || t.kind == TokenKind::Number) {
      auto n = std::make_shared<Node>();
      n->pos = t.pos;
      n->literal = t.kind == TokenKind::Number ? t.number : Json(t.text);
      ++i_;
      while (t.kind == TokenKind::String && peek().kind == TokenKind::String) {
        n->literal = n->literal.get<std::string>() + next().text;  // 'a' 'b' is 'ab'
      }
      return NodePtr(n);
    }
    if (is_op("(")) {
      ++i_;
      auto inner = expression();
      if (!inner) return inner;
      if (is_op(",")) return error_at(peek().pos, "tuples are not supported");
      if (auto s = expect_op(")"); !s) return s.error();
      return inner;
    }
    if (is_op("[")) return list();
    if (is_op("{")) return dict();
    return unexpected();
  }

  Result<NodePtr> list() {
    size_t pos = next().pos;
    std::vector<NodePtr> items;
    while (!is_op("]")) {
      auto item = expression();
      if (!item) return item;
      items.push_back(*item);
      if (!is_op(",")) break;
      ++i_;
    }
    if (auto s = expect_op("]"); !s) return s.error();
    return make(NodeKind::List, pos, "[", std::move(items));
  }

  Result<NodePtr> dict() {
    size_t pos = next().pos;
    std::vector<NodePtr> items;
    while (!is_op("}")) {
      auto key = expression();
      if (!key) return key;
      if (auto s = expect_op(":"); !s) return s.error();
      auto value = expression();
      if (!value) return value;
      items.push_back(*key);
      items.push_back(*value);
      if (!is_op(",")) break;
      ++i_;
    }
    if (auto s = expect_op("}"); !s) return s.error();
    return make(NodeKind::Dict, pos, "{", std::move(items));
  }

  Result<NodePtr> postfix(NodePtr node) {
    while (true) {
      if (is_op(".")) {
        size_t pos = next().pos;
        const Token& t = next();
        if (t.kind == TokenKind::Name) {
          node = make(NodeKind::Attr, pos, t.text, {node});
        } else if (t.kind == TokenKind::Number && t.number.is_number_integer()) {
          auto index = std::make_shared<Node>();
          index->literal = t.number;
          node = make(NodeKind::Item, pos, "[", {node, index});
        } else {
          --i_;
          return unexpected();
        }
      } else if (is_op("[")) {
        size_t pos = next().pos;
        if (is_op(":")) return error_at(peek().pos, "slices are not supported");
        auto index = expression();
        if (!index) return index;
        if (is_op(":")) return error_at(peek().pos, "slices are not supported");
        if (auto s = expect_op("]"); !s) return s.error();
        node = make(NodeKind::Item, pos, "[", {node, *index});
      } else if (is_op("(")) {
        return error_at(peek().pos, "function and method calls are not supported");
      } else {
        return node;
      }
    }
  }

  Status call_args(Node& call) {
    if (!is_op("(")) return {};
    ++i_;
    while (!is_op(")")) {
      if (peek().kind == TokenKind::Name && is_op("=", 1)) {
        std::string key = next().text;
        ++i_;
        auto value = expression();
        if (!value) return value.error();
        call.kwargs.emplace_back(key, *value);
      } else {
        if (!call.kwargs.empty()) return error_at(peek().pos, "positional argument after keyword argument");
        auto value = expression();
        if (!value) return value.error();
        call.args.push_back(*value);
      }
      if (!is_op(",")) break;
      ++i_;
    }
    return expect_op(")");
  }

  /// A regex_replace pattern written as a literal is compiled now, so a bad one fails the config.
  Status check_literal_regex(const Node& filter) const {
    if (filter.text != "regex_replace" || filter.args.size() < 2) return {};
    const Node& pattern = *filter.args[1];
    if (pattern.kind != NodeKind::Literal || !pattern.literal.is_string()) return {};
    auto re = PyRegex::compile(pattern.literal.get<std::string>(), false, false);
    if (!re) return error_at(pattern.pos, re.error().message);
    return {};
  }

  Result<NodePtr> filters(NodePtr node) {
    while (is_op("|") || is_name("is")) {
      bool is_test = peek().kind == TokenKind::Name;
      ++i_;
      auto n = std::make_shared<Node>();
      n->kind = is_test ? NodeKind::Test : NodeKind::Filter;
      if (is_test && is_name("not")) {
        n->negated = true;
        ++i_;
      }
      const Token& name = next();
      n->pos = name.pos;
      n->text = name.text;
      if (name.kind != TokenKind::Name) {
        --i_;
        return unexpected();
      }
      const auto& known = is_test ? kTests : kFilters;
      if (!known.count(name.text)) {
        return error_at(name.pos, std::string(is_test ? "test" : "filter") + " '" + name.text + "' is not supported");
      }
      n->args.push_back(node);
      if (auto s = call_args(*n); !s) return s.error();
      if (auto s = check_literal_regex(*n); !s) return s.error();
      node = n;
    }
    return node;
  }

  std::string_view src_;
  std::vector<Token> toks_;
  size_t i_ = 0;
};

}  // namespace

Result<Expression> compile_expression(std::string_view source, StringEscapes escapes) {
  auto tokens = tokenize(source, escapes);
  if (!tokens) return tokens.error();
  bool bare = tokens->size() == 2 && (*tokens)[0].kind == TokenKind::Name;
  auto root = Parser(source, std::move(*tokens)).parse();
  if (!root) return root.error();
  return Expression{std::string(source), *root, bare};
}

}  // namespace ec2::inventory::aws_ec2
