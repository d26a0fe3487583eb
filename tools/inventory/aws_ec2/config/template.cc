#include "config/template.h"

#include "config/expr_filters.h"
#include "config/expr_lexer.h"
#include "config/pyvalue.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// Ansible's finalize + to_text of one rendered node; `keep_text` tells whether the node was made
/// by a string-type filter.
Result<std::string> node_text(const Expression& expr, const Json& vars, bool* keep_text = nullptr) {
  auto v = evaluate(expr, vars);
  if (!v) return v.error();
  if (v->undefined) return undefined_error(*v);
  if (keep_text) *keep_text = v->keep_text;
  return v->json.is_null() ? std::string() : py::str(v->json);
}

/// ansible_eval_concat's last step: text that looks like a list, dict or bool becomes one.
Json convert_text(std::string text) {
  if (text.starts_with('{') || text.starts_with('[') || text == "True" || text == "False") {
    if (auto lit = py::literal_eval(text)) return *lit;
  }
  return Json(std::move(text));
}

}  // namespace

Result<Json> render_value(const Expression& expr, const Json& vars) {
  if (expr.bare_name) {
    auto it = vars.find(expr.root->text);
    if (it != vars.end() && (it->is_number() || it->is_boolean() || it->is_null())) return *it;
  }
  bool keep_text = false;
  auto text = node_text(expr, vars, &keep_text);
  if (!text) return text.error();
  if (keep_text) return Json(std::move(*text));
  return convert_text(std::move(*text));
}

Result<bool> render_condition(const Expression& expr, const Json& vars) {
  auto v = evaluate(expr, vars);
  if (!v) return v.error();
  if (v->undefined) return undefined_error(*v);
  return py::truthy(v->json);
}

bool TextTemplate::is_template() const {
  return parts.size() != 1 || !std::holds_alternative<std::string>(parts[0]);
}

Result<TextTemplate> compile_text_template(std::string_view text) {
  TextTemplate tpl;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    while (open != std::string_view::npos && open + 1 < text.size() && text[open + 1] != '{' &&
           text[open + 1] != '%' && text[open + 1] != '#') {
      open = text.find('{', open + 1);
    }
    if (open == std::string_view::npos || open + 1 >= text.size()) break;
    if (text[open + 1] != '{') return expression_error(text, open, "statements and comments are not supported");
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return expression_error(text, open, "missing '}}'");
    if (open > pos) tpl.parts.emplace_back(std::string(text.substr(pos, open - pos)));
    auto expr = compile_expression(text.substr(open + 2, close - open - 2));
    if (!expr) return expr.error();
    tpl.parts.emplace_back(std::move(*expr));
    pos = close + 2;
  }
  if (pos < text.size() || tpl.parts.empty()) tpl.parts.emplace_back(std::string(text.substr(pos)));
  return tpl;
}

Result<Json> render_text(const TextTemplate& tpl, const Json& vars) {
  if (!tpl.is_template()) return Json(std::get<std::string>(tpl.parts[0]));
  if (tpl.parts.size() == 1) return render_value(std::get<Expression>(tpl.parts[0]), vars);
  std::string out;
  for (const auto& part : tpl.parts) {
    if (const auto* s = std::get_if<std::string>(&part)) {
      out += *s;
      continue;
    }
    auto text = node_text(std::get<Expression>(part), vars);
    if (!text) return text.error();
    out += *text;
  }
  return convert_text(std::move(out));
}

}  // namespace ec2::inventory::aws_ec2
