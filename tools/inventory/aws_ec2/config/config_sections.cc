#include "config/config_sections.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// Compiles `text`; a syntax error becomes an error at `node` naming the option.
Result<Expression> compile_at(const std::string& text, const YAML::Node& node, const OptionContext& ctx,
                              StringEscapes escapes = StringEscapes::Literal) {
  auto expr = compile_expression(text, escapes);
  if (!expr) return ctx.error(node, expr.error().message);
  return expr;
}

/// ansible_dict_to_boto3_filter_list for one dict of filters.
Result<FilterSet> filter_set(const YAML::Node& node, const OptionContext& ctx) {
  if (auto s = expect_map(node, ctx); !s) return s.error();
  FilterSet set;
  if (node.IsNull()) return set;
  for (const auto& entry : node) {
    std::string name = scalar_str(entry.first);
    OptionContext item = ctx.member(name);
    const YAML::Node& v = entry.second;
    Filter f{name, {}};
    if (v.IsScalar() && scalar_type(v) == ScalarType::Bool) {
      f.values = {scalar_str(v) == "True" ? "true" : "false"};
    } else if (v.IsScalar() && scalar_type(v) != ScalarType::Null) {
      f.values = {scalar_str(v)};
    } else if (v.IsSequence()) {
      for (size_t i = 0; i < v.size(); ++i) {
        if (!v[i].IsScalar() || scalar_type(v[i]) != ScalarType::String) {
          return item.item(i).error(v[i], "filter values must be strings");
        }
        f.values.push_back(v[i].Scalar());
      }
    } else {
      return item.error(v, "expected a string or a list of strings");
    }
    set.push_back(std::move(f));
  }
  return set;
}

Result<std::vector<FilterSet>> filter_sets(const YAML::Node& node, const OptionContext& ctx) {
  if (auto s = expect_sequence(node, ctx); !s) return s.error();
  std::vector<FilterSet> sets;
  for (size_t i = 0; node.IsSequence() && i < node.size(); ++i) {
    auto set = filter_set(node[i], ctx.item(i));
    if (!set) return set.error();
    sets.push_back(std::move(*set));
  }
  return sets;
}

FilterSet with_state_filter(FilterSet set) {
  bool has_state = std::any_of(set.begin(), set.end(), [](const Filter& f) { return f.name == "instance-state-name"; });
  if (!has_state) set.push_back(Filter{"instance-state-name", {"running", "pending", "stopping", "stopped"}});
  return set;
}

Result<HostnameRule> hostname_rule(const YAML::Node& node, const OptionContext& ctx) {
  HostnameRule rule;
  if (node.IsScalar() && scalar_type(node) == ScalarType::String) {
    rule.name = node.Scalar();
  } else if (node.IsMap()) {
    rule.is_dict = true;
    if (!node["name"]) return ctx.error(node, "A 'name' key must be defined in a hostnames dictionary.");
    for (const auto& e : node) {
      std::string key = scalar_str(e.first);
      auto v = as_str(e.second, ctx.member(key));
      if (!v) return v.error();
      if (key == "name") rule.name = *v;
      else if (key == "prefix") rule.prefix = *v;
      else if (key == "separator") rule.separator = *v;
      else return ctx.member(key).error(e.first, "unknown key (expected name, prefix or separator)");
    }
  } else {
    return ctx.error(node, "expected a string or a dictionary with name, prefix and separator");
  }
  for (const std::string* text : {&rule.name, rule.prefix ? &*rule.prefix : nullptr}) {
    if (!text) continue;
    if (auto s = validate_hostname_rule(*text); !s) return ctx.error(node, s.error().message);
  }
  return rule;
}

/// Python's '%s' % value of a mapping value used as an expression or name.
Result<std::string> expression_text(const YAML::Node& node, const OptionContext& ctx) {
  if (!node.IsScalar() && !node.IsNull()) return ctx.error(node, "expected an expression string");
  return scalar_str(node);
}

Status keyed_member(const std::string& key, const YAML::Node& v, const OptionContext& ctx, KeyedGroupRule& rule) {
  if (key == "trailing_separator") {
    if (v.IsNull()) return {};
    auto b = as_bool(v, ctx);
    if (!b) return b.error();
    rule.trailing_separator = *b;
    return {};
  }
  auto text = expression_text(v, ctx);
  if (!text) return text.error();
  if (key == "key") {
    auto expr = compile_at(*text, v, ctx);
    if (!expr) return expr.error();
    rule.key = std::move(*expr);
    rule.key_source = *text;
  } else if (key == "prefix") {
    rule.prefix = *text;
  } else if (key == "separator") {
    rule.separator = *text;
  } else if (key == "default_value") {
    if (!v.IsNull()) rule.default_value = *text;
  } else if (key == "parent_group") {
    if (v.IsNull()) return {};
    auto tpl = compile_text_template(*text);
    if (!tpl) return ctx.error(v, tpl.error().message);
    rule.parent_group = std::move(*tpl);
  } else {
    return ctx.error(v, "unknown key (expected key, prefix, separator, parent_group, default_value or trailing_separator)");
  }
  return {};
}

Result<KeyedGroupRule> keyed_group_rule(const YAML::Node& node, const OptionContext& ctx) {
  if (!node.IsMap() || node.size() == 0) return ctx.error(node, "Invalid keyed group entry, it must be a dictionary");
  KeyedGroupRule rule;
  rule.key = *compile_expression("None");
  rule.key_source = "None";
  for (const auto& e : node) {
    std::string key = scalar_str(e.first);
    if (auto s = keyed_member(key, e.second, ctx.member(key), rule); !s) return s.error();
  }
  if (rule.default_value && rule.trailing_separator) {
    return ctx.error(node, "parameters are mutually exclusive for keyed groups: default_value|trailing_separator");
  }
  return rule;
}

}  // namespace

FetchPlan ConfigBuilder::fetch_plan() const {
  FetchPlan plan;
  plan.regions = regions;
  plan.strict_permissions = strict_permissions;
  plan.accounts = accounts;
  plan.max_requests_in_flight = max_requests_in_flight;
  std::vector<FilterSet> include;
  if (!filters.empty()) include.push_back(filters);
  include.insert(include.end(), include_filters.begin(), include_filters.end());
  if (include.empty()) include.emplace_back();
  for (auto& set : include) plan.include_filter_sets.push_back(with_state_filter(set));
  for (const auto& set : exclude_filters) plan.exclude_filter_sets.push_back(with_state_filter(set));
  return plan;
}

Status parse_plugin(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder&) {
  std::string v = node.IsScalar() ? node.Scalar() : "";
  if (v == "aws_ec2" || v == "amazon.aws.aws_ec2") return {};
  return ctx.error(node, "must be aws_ec2 or amazon.aws.aws_ec2, got '" + v + "'");
}

Status parse_regions(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  auto v = as_str_list(node, ctx);
  if (!v) return v.error();
  b.regions = *v;
  return {};
}

Status parse_filters(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  auto v = filter_set(node, ctx);
  if (!v) return v.error();
  b.filters = *v;
  return {};
}

Status parse_include_filters(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  auto v = filter_sets(node, ctx);
  if (!v) return v.error();
  b.include_filters = *v;
  return {};
}

Status parse_exclude_filters(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  auto v = filter_sets(node, ctx);
  if (!v) return v.error();
  b.exclude_filters = *v;
  return {};
}

Status parse_hostnames(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  if (auto s = expect_sequence(node, ctx); !s) return s;
  for (size_t i = 0; node.IsSequence() && i < node.size(); ++i) {
    auto rule = hostname_rule(node[i], ctx.item(i));
    if (!rule) return rule.error();
    b.build.hostnames.push_back(std::move(*rule));
  }
  return {};
}

Status parse_compose(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  if (auto s = expect_map(node, ctx); !s) return s;
  for (const auto& e : node) {
    std::string name = scalar_str(e.first);
    auto text = expression_text(e.second, ctx.member(name));
    if (!text) return text.error();
    auto expr = compile_at(*text, e.second, ctx.member(name));
    if (!expr) return expr.error();
    std::erase_if(b.build.compose, [&](const ComposeRule& r) { return r.name == name; });
    b.build.compose.push_back(ComposeRule{name, std::move(*expr)});
  }
  return {};
}

Status parse_groups(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  if (auto s = expect_map(node, ctx); !s) return s;
  for (const auto& e : node) {
    std::string name = scalar_str(e.first);
    auto text = expression_text(e.second, ctx.member(name));
    if (!text) return text.error();
    auto expr = compile_at(*text, e.second, ctx.member(name), StringEscapes::Python);
    if (!expr) return expr.error();
    std::erase_if(b.build.groups, [&](const GroupRule& r) { return r.name == name; });
    b.build.groups.push_back(GroupRule{name, std::move(*expr)});
  }
  return {};
}

Status parse_keyed_groups(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  if (auto s = expect_sequence(node, ctx); !s) return s;
  for (size_t i = 0; node.IsSequence() && i < node.size(); ++i) {
    auto rule = keyed_group_rule(node[i], ctx.item(i));
    if (!rule) return rule.error();
    b.build.keyed_groups.push_back(std::move(*rule));
  }
  return {};
}

Status parse_cache_timeout(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  auto v = as_int(node, ctx);
  if (!v) return v.error();
  b.cache_timeout = *v;
  return {};
}

Status parse_iam_role_arn(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  if (node.IsNull()) return {};
  auto v = as_str(node, ctx);
  if (!v) return v.error();
  if (v->find("{{") != std::string::npos || v->find("{%") != std::string::npos) {
    return ctx.error(node, "templated values are not supported here; give the value itself");
  }
  if (!is_role_arn(*v)) return ctx.error(node, "expected an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), got '" + *v + "'");
  b.iam_role_arn = *v;
  return {};
}

}  // namespace ec2::inventory::aws_ec2
