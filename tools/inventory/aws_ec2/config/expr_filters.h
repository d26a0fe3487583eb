#pragma once
/// Filters and tests of the Jinja2 subset (called by the evaluator).

#include <string>
#include <utility>
#include <vector>

#include "ec2/result.h"
#include "config/expr.h"

namespace ec2::inventory::aws_ec2 {

/// Arguments of a filter call, already evaluated.
struct FilterCall {
  std::string name;
  Value input;
  std::vector<Value> args;
  std::vector<std::pair<std::string, Value>> kwargs;
};

/// Applies filter `call.name`; errors are what Jinja2/Ansible raise (e.g. undefined input).
Result<Value> apply_filter(const FilterCall& call);

/// Evaluates test `name` (`defined`, `none`, ...) on `input`.
Result<bool> apply_test(const std::string& name, const Value& input);

/// The error for using an undefined value.
Error undefined_error(const Value& value);

/// The error Jinja2 raises for an operation on values of the wrong types.
Error type_error(const std::string& message);

}  // namespace ec2::inventory::aws_ec2
