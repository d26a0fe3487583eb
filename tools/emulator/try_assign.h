#pragma once
/// EC2_ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (an ec2::Result<T>); on error returns the
/// error from the enclosing function, otherwise moves the value into `lhs` (which may declare a
/// variable: `EC2_ASSIGN_OR_RETURN(auto keys, list(node, "keys"));`).

#define EC2EMU_CONCAT_INNER(a, b) a##b
#define EC2EMU_CONCAT(a, b) EC2EMU_CONCAT_INNER(a, b)
#define EC2EMU_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                       \
  if (!tmp) return tmp.error();            \
  lhs = std::move(*tmp)
#define EC2_ASSIGN_OR_RETURN(lhs, expr) EC2EMU_ASSIGN_IMPL(EC2EMU_CONCAT(assigned_, __LINE__), lhs, expr)
