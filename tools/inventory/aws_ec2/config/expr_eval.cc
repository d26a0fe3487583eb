// Evaluation of compiled Jinja2 expressions with Python semantics (truthiness, equality, `+`).

#include <set>

#include "config/expr.h"
#include "config/expr_filters.h"
#include "config/pyvalue.h"
#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// Python dict methods: `tags.items` is the method in Jinja2, never the key "items".
const std::set<std::string, std::less<>> kDictMethods = {
    "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"};

bool is_int_like(const Json& j) { return j.is_number_integer() || j.is_number_unsigned() || j.is_boolean(); }
long long as_int(const Json& j) { return j.is_boolean() ? (j.get<bool>() ? 1 : 0) : j.get<long long>(); }
double as_float(const Json& j) { return j.is_boolean() ? (j.get<bool>() ? 1.0 : 0.0) : j.get<double>(); }

class Evaluator {
 public:
  explicit Evaluator(const Json& vars) : vars_(vars) {}

  Result<Value> eval(const Node& n) {
    switch (n.kind) {
      case NodeKind::Literal: return Value::of(n.literal);
      case NodeKind::Name: return name(n);
      case NodeKind::Attr: return attr(n);
      case NodeKind::Item: return item(n);
      case NodeKind::List: return list(n);
      case NodeKind::Dict: return dict(n);
      case NodeKind::Not: return logical_not(n);
      case NodeKind::Neg: return negate(n);
      case NodeKind::And:
      case NodeKind::Or: return logical(n);
      case NodeKind::Compare: return compare(n);
      case NodeKind::Concat: return concat(n);
      case NodeKind::Add:
      case NodeKind::Sub: return arithmetic(n);
      case NodeKind::Filter: return filter(n);
      case NodeKind::Test: return test(n);
      case NodeKind::IfElse: return if_else(n);
    }
    return type_error("unknown expression node");
  }

 private:
  Result<Value> defined(const Node& n) {
    auto v = eval(n);
    if (v && v->undefined) return undefined_error(*v);
    return v;
  }

  Result<bool> truth(const Node& n) {
    auto v = defined(n);
    if (!v) return v.error();
    return py::truthy(v->json);
  }

  Result<Value> name(const Node& n) {
    auto it = vars_.find(n.text);
    if (n.text.empty() || it == vars_.end()) return Value::missing("'" + n.text + "' is undefined");
    return Value::of(*it);
  }

  /// Jinja2's getattr/getitem on a mapping: a key lookup; anything else is undefined.
  static Value lookup(const Value& obj, const Json& key) {
    if (obj.undefined) return obj;
    const Json& j = obj.json;
    if (j.is_object() && key.is_string()) {
      auto it = j.find(key.get<std::string>());
      if (it != j.end()) return Value::of(*it);
      return Value::missing("'dict object' has no attribute " + py::repr(key));
    }
    if ((j.is_array() || j.is_string()) && key.is_number_integer()) {
      long long size = j.is_array() ? static_cast<long long>(j.size()) : 0;
      if (j.is_string()) return string_index(j.get<std::string>(), key.get<long long>());
      long long i = key.get<long long>();
      if (i < 0) i += size;
      if (i >= 0 && i < size) return Value::of(j[static_cast<size_t>(i)]);
      return Value::missing("list object has no element " + key.dump());
    }
    return Value::missing("'" + py::type_name(j) + " object' has no attribute " + py::repr(key));
  }

  static Value string_index(const std::string& s, long long i) {
    std::u32string cps = unicode::decode(s);
    long long size = static_cast<long long>(cps.size());
    if (i < 0) i += size;
    if (i < 0 || i >= size) return Value::missing("string index out of range");
    return Value::of(unicode::encode(cps.substr(static_cast<size_t>(i), 1)));
  }

  Result<Value> attr(const Node& n) {
    auto obj = eval(*n.args[0]);
    if (!obj) return obj;
    if (!obj->undefined && obj->json.is_object() && kDictMethods.count(n.text)) {
      return type_error("dict method '" + n.text + "' is not supported");
    }
    return lookup(*obj, Json(n.text));
  }

  Result<Value> item(const Node& n) {
    auto obj = eval(*n.args[0]);
    if (!obj) return obj;
    auto key = defined(*n.args[1]);
    if (!key) return key;
    return lookup(*obj, key->json);
  }

  Result<Value> list(const Node& n) {
    Json out = Json::array();
    for (const auto& a : n.args) {
      auto v = eval(*a);
      if (!v) return v;
      if (v->undefined) return undefined_error(*v);
      out.push_back(v->json);
    }
    return Value::of(std::move(out));
  }

  /// Dict literals; keys must be strings (JSON objects cannot hold others).
  Result<Value> dict(const Node& n) {
    Json out = Json::object();
    for (size_t i = 0; i + 1 < n.args.size(); i += 2) {
      auto key = defined(*n.args[i]);
      if (!key) return key;
      if (!key->json.is_string()) return type_error("dict literal keys must be strings, got " + py::repr(key->json));
      auto value = defined(*n.args[i + 1]);
      if (!value) return value;
      out[key->json.get<std::string>()] = value->json;
    }
    return Value::of(std::move(out));
  }

  Result<Value> logical_not(const Node& n) {
    auto t = truth(*n.args[0]);
    if (!t) return t.error();
    return Value::of(!*t);
  }

  Result<Value> negate(const Node& n) {
    auto v = defined(*n.args[0]);
    if (!v) return v;
    const Json& j = v->json;
    if (j.is_number_float()) return Value::of(-j.get<double>());
    if (j.is_number() || j.is_boolean()) return Value::of(-(j.is_boolean() ? (j.get<bool>() ? 1LL : 0LL) : j.get<long long>()));
    return type_error("bad operand type for unary -: '" + py::type_name(j) + "'");
  }

  /// `and`/`or` return one of their operands, as in Python.
  Result<Value> logical(const Node& n) {
    auto left = defined(*n.args[0]);
    if (!left) return left;
    bool t = py::truthy(left->json);
    bool take_left = n.kind == NodeKind::And ? !t : t;
    if (take_left) return left;
    return eval(*n.args[1]);
  }

  Result<Value> compare(const Node& n) {
    auto a = defined(*n.args[0]);
    if (!a) return a;
    auto b = defined(*n.args[1]);
    if (!b) return b;
    const std::string& op = n.text;
    if (op == "==") return Value::of(py::equal(a->json, b->json));
    if (op == "!=") return Value::of(!py::equal(a->json, b->json));
    if (op == "in" || op == "notin") {
      auto r = contains(b->json, a->json);
      if (!r) return r.error();
      return Value::of(op == "in" ? *r : !*r);
    }
    const Json& l = op[0] == '<' ? a->json : b->json;
    const Json& r = op[0] == '<' ? b->json : a->json;
    auto lt = py::less(l, r);
    if (!lt) {
      return type_error("'" + op + "' not supported between instances of '" + py::type_name(a->json) +
                        "' and '" + py::type_name(b->json) + "'");
    }
    bool orequal = op.size() == 2;
    return Value::of(*lt || (orequal && py::equal(a->json, b->json)));
  }

  static Result<bool> contains(const Json& haystack, const Json& needle) {
    if (haystack.is_string()) {
      if (!needle.is_string()) return type_error("'in <string>' requires string as left operand, not " + py::type_name(needle));
      return haystack.get_ref<const std::string&>().find(needle.get_ref<const std::string&>()) != std::string::npos;
    }
    if (haystack.is_array()) {
      for (const auto& x : haystack) {
        if (py::equal(x, needle)) return true;
      }
      return false;
    }
    if (haystack.is_object()) return needle.is_string() && haystack.contains(needle.get<std::string>());
    return type_error("argument of type '" + py::type_name(haystack) + "' is not iterable");
  }

  Result<Value> concat(const Node& n) {
    auto a = defined(*n.args[0]);
    if (!a) return a;
    auto b = defined(*n.args[1]);
    if (!b) return b;
    return Value::of(py::str(a->json) + py::str(b->json));
  }

  Result<Value> arithmetic(const Node& n);
  Result<Value> filter(const Node& n);
  Result<Value> test(const Node& n);

  Result<Value> if_else(const Node& n) {
    auto t = truth(*n.args[0]);
    if (!t) return t.error();
    return eval(*n.args[*t ? 1 : 2]);
  }

  const Json& vars_;
};

Result<Value> Evaluator::arithmetic(const Node& n) {
  auto a = defined(*n.args[0]);
  if (!a) return a;
  auto b = defined(*n.args[1]);
  if (!b) return b;
  const Json& l = a->json;
  const Json& r = b->json;
  bool add = n.kind == NodeKind::Add;
  if (is_int_like(l) && is_int_like(r)) return Value::of(add ? as_int(l) + as_int(r) : as_int(l) - as_int(r));
  if ((l.is_number() || l.is_boolean()) && (r.is_number() || r.is_boolean())) {
    return Value::of(add ? as_float(l) + as_float(r) : as_float(l) - as_float(r));
  }
  if (add && l.is_string() && r.is_string()) return Value::of(l.get<std::string>() + r.get<std::string>());
  if (add && l.is_array() && r.is_array()) {
    Json out = l;
    out.insert(out.end(), r.begin(), r.end());
    return Value::of(std::move(out));
  }
  return type_error("unsupported operand type(s) for " + n.text + ": '" + py::type_name(l) + "' and '" +
                    py::type_name(r) + "'");
}

Result<Value> Evaluator::filter(const Node& n) {
  FilterCall call;
  call.name = n.text;
  auto input = eval(*n.args[0]);
  if (!input) return input;
  call.input = std::move(*input);
  for (size_t i = 1; i < n.args.size(); ++i) {
    auto v = defined(*n.args[i]);
    if (!v) return v;
    call.args.push_back(std::move(*v));
  }
  for (const auto& [key, node] : n.kwargs) {
    auto v = defined(*node);
    if (!v) return v;
    call.kwargs.emplace_back(key, std::move(*v));
  }
  return apply_filter(call);
}

Result<Value> Evaluator::test(const Node& n) {
  auto input = eval(*n.args[0]);
  if (!input) return input;
  auto r = apply_test(n.text, *input);
  if (!r) return r.error();
  return Value::of(n.negated ? !*r : *r);
}

}  // namespace

Result<Value> evaluate(const Expression& expr, const Json& vars) { return Evaluator(vars).eval(*expr.root); }

}  // namespace ec2::inventory::aws_ec2
