#pragma once
/// A documented subset of Jinja2 expressions, compiled once and evaluated per host over JSON
/// variables: names, `.attr` and `[...]` subscripts, string/number/bool/none/list literals,
/// `==` `!=` `<` `<=` `>` `>=` `in` `not in`, `not` `and` `or`, `~` and `+`/`-`, unary `-`,
/// `a if c else b`, dict literals, parentheses, the tests `is [not] defined/undefined/none/string/number/mapping/
/// sequence/boolean`, and the filters `lower upper default d replace regex_replace join length
/// count string int first last`. Anything else is a compile error naming the position.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json.h"

#include "ec2/result.h"

namespace ec2::inventory::aws_ec2 {

/// Kinds of expression nodes.
enum class NodeKind {
  Literal,  ///< `literal`
  Name,     ///< variable `text`
  Attr,     ///< `args[0].text`
  Item,     ///< `args[0][args[1]]`
  List,     ///< `[args...]`
  Dict,     ///< `{args[0]: args[1], args[2]: args[3], ...}`
  Not, Neg,
  And, Or,
  Compare,  ///< args[0] `text` args[1] (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `notin`)
  Concat,   ///< `~`
  Add, Sub,
  Filter,   ///< args[0] | text(args[1...], kwargs)
  Test,     ///< args[0] is [not] text (negated when `negated`)
  IfElse,   ///< args[1] if args[0] else args[2]
};

/// One node of a compiled expression.
struct Node {
  NodeKind kind = NodeKind::Literal;
  size_t pos = 0;      ///< Column (0-based) in the source, for messages.
  std::string text;    ///< Name, attribute, operator, filter or test name.
  Json literal;
  bool negated = false;
  std::vector<std::shared_ptr<const Node>> args;
  std::vector<std::pair<std::string, std::shared_ptr<const Node>>> kwargs;
};

/// A compiled expression and its source text.
struct Expression {
  std::string source;
  std::shared_ptr<const Node> root;
  /// True when the source is a bare variable name (Ansible then keeps numbers and bools as such).
  bool bare_name = false;
};

/// How string literals treat backslashes. Ansible doubles the backslashes of string literals inside
/// `{{ }}` before Jinja2 reads them, so there they are literal (`'\\d'` is backslash-d); in `{% if %}`
/// conditions (the `groups` option) Jinja2's Python-like escapes apply.
enum class StringEscapes { Literal, Python };

/// Parses `source`; errors (category Config) read `unexpected ')' at column 9 in 'tags.a)'`.
Result<Expression> compile_expression(std::string_view source, StringEscapes escapes = StringEscapes::Literal);

/// A value during evaluation: JSON, or undefined (with the reason Jinja2 would print).
struct Value {
  Json json;
  bool undefined = false;
  std::string reason;  ///< For undefined values: e.g. `'nosuch' is undefined`.
  bool keep_text = false;  ///< Made by the `string` filter: Ansible never literal_evals it.

  static Value of(Json j) { return Value{std::move(j), false, {}, false}; }
  static Value missing(std::string why) { return Value{Json(), true, std::move(why), false}; }
};

/// Evaluates `expr` with `vars` (a JSON object) as the variables. Errors are what Jinja2 would
/// raise (undefined variable used, TypeError in an operator, bad regex...).
Result<Value> evaluate(const Expression& expr, const Json& vars);

}  // namespace ec2::inventory::aws_ec2
