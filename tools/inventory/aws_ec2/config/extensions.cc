// The `ec2_inventory:` block of aws_ec2.yml: this tool's extensions (many accounts, the bound on
// requests in flight, plugin compatibility), kept under one key no plugin option can clash with.

#include <algorithm>
#include <set>

#include "config/config_sections.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// What a list holds, for errors: the list, and one item.
struct Expected {
  const char* list;
  const char* item;
};
const Expected kRoleArns{"IAM role ARNs", "an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)"};
const Expected kAccountIds{"account ids", "a 12-digit account id (quoted)"};

/// A list of distinct strings each `valid` accepts.
Result<std::vector<std::string>> id_list(const YAML::Node& node, const OptionContext& ctx,
                                         bool (*valid)(const std::string&), const Expected& what) {
  if (!node.IsSequence()) return ctx.error(node, std::string("expected a list of ") + what.list);
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (size_t i = 0; i < node.size(); ++i) {
    std::string text = node[i].IsScalar() ? node[i].Scalar() : "";
    if (!valid(text)) return ctx.item(i).error(node[i], std::string("expected ") + what.item + ", got '" + text + "'");
    if (!seen.insert(text).second) return ctx.item(i).error(node[i], "'" + text + "' is listed twice");
    out.push_back(text);
  }
  return out;
}

Status organization(const YAML::Node& node, const OptionContext& ctx, AccountsPlan& plan) {
  if (node.IsScalar()) {
    auto on = as_bool(node, ctx);
    if (!on) return on.error();
    if (!*on) return ctx.error(node, "expected true or a mapping with include and exclude");
    return {};
  }
  if (!node.IsMap()) return ctx.error(node, "expected true or a mapping with include and exclude");
  for (const auto& e : node) {
    std::string key = scalar_str(e.first);
    OptionContext member = ctx.member(key);
    if (key != "include" && key != "exclude") return member.error(e.first, "unknown key (expected include or exclude)");
    auto ids = id_list(e.second, member, is_account_id, kAccountIds);
    if (!ids) return ids.error();
    (key == "include" ? plan.include : plan.exclude) = std::move(*ids);
  }
  return {};
}

/// Which form the keys given make; errors for mixed or incomplete forms.
Status accounts_form(const YAML::Node& node, const OptionContext& ctx, AccountsPlan& plan) {
  bool arns = bool(node["role_arns"]), name = bool(node["role_name"]), ids = bool(node["account_ids"]),
       org = bool(node["organization"]);
  if (arns && (name || ids || org)) {
    return ctx.error(node, "role_arns cannot be combined with role_name, account_ids or organization");
  }
  if (ids && org) return ctx.error(node, "account_ids and organization cannot be combined");
  if ((ids || org) && !name) return ctx.member(ids ? "account_ids" : "organization").error(node, "needs role_name");
  if (name && !ids && !org) return ctx.member("role_name").error(node, "needs account_ids or organization");
  if (!arns && !name) return ctx.error(node, "expected role_arns, or role_name with account_ids or organization");
  plan.form = arns ? AccountsPlan::Form::RoleArns
              : ids ? AccountsPlan::Form::RoleTemplate
                    : AccountsPlan::Form::Organization;
  return {};
}

Status accounts(const YAML::Node& node, const OptionContext& ctx, AccountsPlan& plan) {
  if (!node.IsMap()) return ctx.error(node, "expected a mapping (role_arns, or role_name with account_ids or organization)");
  for (const auto& e : node) {
    std::string key = scalar_str(e.first);
    OptionContext member = ctx.member(key);
    if (key == "role_arns") {
      auto arns = id_list(e.second, member, is_role_arn, kRoleArns);
      if (!arns) return arns.error();
      plan.role_arns = std::move(*arns);
    } else if (key == "account_ids") {
      auto ids = id_list(e.second, member, is_account_id, kAccountIds);
      if (!ids) return ids.error();
      plan.account_ids = std::move(*ids);
    } else if (key == "role_name") {
      auto name = as_str(e.second, member);
      if (!name) return name.error();
      if (name->empty() || !e.second.IsScalar()) return member.error(e.second, "expected a role name");
      plan.role_name = *name;
    } else if (key == "organization") {
      if (auto s = organization(e.second, member, plan); !s) return s;
    } else {
      return member.error(e.first, "unknown key (expected role_arns, role_name, account_ids or organization)");
    }
  }
  return accounts_form(node, ctx, plan);
}

}  // namespace

bool is_account_id(const std::string& text) {
  return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string role_arn_account(const std::string& arn) {
  // arn:PARTITION:iam::ACCOUNT:role/NAME
  if (arn.rfind("arn:", 0) != 0) return "";
  size_t partition_end = arn.find(':', 4);
  if (partition_end == std::string::npos || partition_end == 4) return "";
  if (arn.compare(partition_end, 6, ":iam::") != 0) return "";
  std::string account = arn.substr(partition_end + 6, 12);
  size_t rest = partition_end + 6 + 12;
  if (!is_account_id(account) || arn.compare(rest, 6, ":role/") != 0 || arn.size() == rest + 6) return "";
  return account;
}

Status parse_ec2_inventory(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b) {
  if (node.IsNull()) return {};
  if (!node.IsMap()) return ctx.error(node, "expected a mapping (accounts, max_requests_in_flight, plugin_compatible)");
  for (const auto& e : node) {
    std::string key = scalar_str(e.first);
    OptionContext member = ctx.member(key);
    if (key == "plugin_compatible") {
      auto on = as_bool(e.second, member);
      if (!on) return on.error();
      b.plugin_compatible = *on;
      continue;
    }
    if (key == "accounts") {
      if (auto s = accounts(e.second, member, b.accounts); !s) return s;
    } else if (key == "max_requests_in_flight") {
      auto n = as_int(e.second, member);
      if (!n) return n.error();
      if (*n < 1 || *n > 65536) return member.error(e.second, "must be between 1 and 65536");
      b.max_requests_in_flight = static_cast<int>(*n);
    } else {
      return member.error(e.first, "unknown key (expected accounts, max_requests_in_flight or plugin_compatible)");
    }
    b.extensions.emplace_back(member.option, e.first);
  }
  return {};
}

Status check_plugin_compatible(const OptionContext& ctx, const ConfigBuilder& b) {
  if (!b.plugin_compatible || b.extensions.empty()) return {};
  const auto& [option, node] = b.extensions.front();
  return OptionContext{ctx.file, option}.error(
      node, "not an option of the amazon.aws.aws_ec2 plugin, and ec2_inventory.plugin_compatible is true");
}

}  // namespace ec2::inventory::aws_ec2
