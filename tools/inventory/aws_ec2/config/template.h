#pragma once
/// What Ansible's templar makes of an expression: the value types of `compose` results and keyed
/// group keys, the truth of `groups` conditions, and text templates such as `parent_group`.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ec2/result.h"
#include "config/expr.h"

namespace ec2::inventory::aws_ec2 {

/// The value of `{{ expr }}` as Ansible 2.14 returns it: a bare variable that holds a number or a
/// bool keeps its type (None stays None); anything else is rendered to text (None as "") and
/// turned back into a list, dict or bool when the text is such a Python literal. So `3 + 4` gives
/// "7", `security_groups` a list, a tag value "True" the bool true.
Result<Json> render_value(const Expression& expr, const Json& vars);

/// The truth of `{% if expr %}`; an undefined value is an error.
Result<bool> render_condition(const Expression& expr, const Json& vars);

/// A text with `{{ expr }}` parts.
struct TextTemplate {
  std::vector<std::variant<std::string, Expression>> parts;
  bool is_template() const;
};

/// Splits `text` into literal text and compiled expressions; `{%` and `{#` are not supported.
Result<TextTemplate> compile_text_template(std::string_view text);

/// Renders `tpl`: plain text is returned as is; otherwise like render_value.
Result<Json> render_text(const TextTemplate& tpl, const Json& vars);

}  // namespace ec2::inventory::aws_ec2
