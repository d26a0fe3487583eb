#pragma once
/// Tokens of the Jinja2 expression subset (see expr.h).

#include <string>
#include <string_view>
#include <vector>

#include "ec2/result.h"
#include "config/expr.h"

namespace ec2::inventory::aws_ec2 {

enum class TokenKind { Name, String, Number, Operator, End };

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;  ///< Name, operator, or the unescaped string.
  Json number;       ///< For numbers: an int or a float.
  size_t pos = 0;
};

/// Splits `source` into tokens (the last one is End). Fails on an unterminated string or a
/// character that starts no token.
Result<std::vector<Token>> tokenize(std::string_view source, StringEscapes escapes);

/// `message at column N in 'source'`: the common form of expression errors.
Error expression_error(std::string_view source, size_t pos, const std::string& message);

}  // namespace ec2::inventory::aws_ec2
