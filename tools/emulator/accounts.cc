#include "accounts.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ids.h"
#include "try_assign.h"

namespace ec2::emu {
namespace {

/// Reads one accounts file: every error carries `source:line: what`.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  Error error(const YAML::Node& node, const std::string& message) const {
    return make_error(ErrorCategory::Config, "AccountsFile",
                      fmt::format("{}:{}: {}", source_, node.Mark().line + 1, message));
  }

  /// The scalar `key` of map `node` ("" when absent); an error when it is not a scalar.
  Result<std::string> text(const YAML::Node& node, const char* key, bool required = false) const {
    YAML::Node value = node[key];
    if (!value) {
      if (required) return error(node, fmt::format("'{}' is required", key));
      return std::string();
    }
    if (!value.IsScalar()) return error(value, fmt::format("'{}' must be a string", key));
    return value.Scalar();
  }

  Result<bool> flag(const YAML::Node& node, const char* key) const {
    YAML::Node value = node[key];
    if (!value) return false;
    std::string v = value.IsScalar() ? value.Scalar() : "";
    if (v == "true" || v == "yes") return true;
    if (v == "false" || v == "no") return false;
    return error(value, fmt::format("'{}' must be true or false", key));
  }

  Result<int> number(const YAML::Node& node, const char* key, int fallback, int low, int high) const {
    YAML::Node value = node[key];
    if (!value) return fallback;
    try {
      int n = value.as<int>();
      if (n >= low && n <= high) return n;
    } catch (const YAML::Exception&) {
    }
    return error(value, fmt::format("'{}' must be a number from {} to {}", key, low, high));
  }

  Result<std::vector<std::string>> strings(const YAML::Node& node, const char* key) const {
    std::vector<std::string> out;
    YAML::Node value = node[key];
    if (!value) return out;
    if (!value.IsSequence()) return error(value, fmt::format("'{}' must be a list", key));
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) return error(item, fmt::format("'{}' items must be strings", key));
      out.push_back(item.Scalar());
    }
    return out;
  }

  /// The items of list `key` (empty when absent).
  Result<std::vector<YAML::Node>> list(const YAML::Node& node, const char* key) const {
    std::vector<YAML::Node> out;
    YAML::Node value = node[key];
    if (!value) return out;
    if (!value.IsSequence()) return error(value, fmt::format("'{}' must be a list", key));
    for (const YAML::Node& item : value) {
      if (!item.IsMap()) return error(item, fmt::format("'{}' items must be mappings", key));
      out.push_back(item);
    }
    return out;
  }

  Result<IamUser> user(const YAML::Node& node, const std::string& account) const {
    IamUser user;
    EC2_ASSIGN_OR_RETURN(user.name, text(node, "name", true));
    user.account_id = account;
    user.user_id = iam_unique_id("AIDA", account + "/user/" + user.name);
    EC2_ASSIGN_OR_RETURN(auto keys, list(node, "access_keys"));
    for (const YAML::Node& k : keys) {
      AccessKey key;
      EC2_ASSIGN_OR_RETURN(key.id, text(k, "id", true));
      EC2_ASSIGN_OR_RETURN(key.secret, text(k, "secret", true));
      EC2_ASSIGN_OR_RETURN(key.read_only, flag(k, "read_only"));
      if (key.id.rfind("AKIA", 0) != 0) return error(k, "access key ids of users start with AKIA");
      user.keys.push_back(std::move(key));
    }
    if (YAML::Node mfa = node["mfa"]) {
      EC2_ASSIGN_OR_RETURN(user.mfa_secret, text(mfa, "secret", true));
      EC2_ASSIGN_OR_RETURN(user.mfa_serial, text(mfa, "serial"));
    }
    if (user.mfa_serial.empty()) user.mfa_serial = "arn:aws:iam::" + account + ":mfa/" + user.name;
    return user;
  }

  Result<Role> role(const YAML::Node& node, const std::string& account) const {
    Role role;
    EC2_ASSIGN_OR_RETURN(role.name, text(node, "name", true));
    role.account_id = account;
    role.role_id = iam_unique_id("AROA", account + "/role/" + role.name);
    EC2_ASSIGN_OR_RETURN(role.external_id, text(node, "external_id"));
    EC2_ASSIGN_OR_RETURN(role.mfa_required, flag(node, "mfa_required"));
    EC2_ASSIGN_OR_RETURN(role.read_only, flag(node, "read_only"));
    EC2_ASSIGN_OR_RETURN(role.max_session_duration, number(node, "max_session_duration", 3600, 3600, 43200));
    if (YAML::Node trust = node["trust"]) {
      if (!trust.IsMap()) return error(trust, "'trust' must be a mapping");
      EC2_ASSIGN_OR_RETURN(role.trust.accounts, strings(trust, "accounts"));
      EC2_ASSIGN_OR_RETURN(role.trust.users, strings(trust, "users"));
      EC2_ASSIGN_OR_RETURN(role.trust.roles, strings(trust, "roles"));
      EC2_ASSIGN_OR_RETURN(role.trust.web_identity, strings(trust, "web_identity"));
      EC2_ASSIGN_OR_RETURN(role.trust.sso_permission_sets, strings(trust, "sso_permission_sets"));
    }
    return role;
  }

  Result<Account> account(const YAML::Node& node) const {
    Account account;
    EC2_ASSIGN_OR_RETURN(account.id, text(node, "id", true));
    if (account.id.size() != 12 || account.id.find_first_not_of("0123456789") != std::string::npos) {
      return error(node, fmt::format("account id '{}' must be 12 digits (quote it)", account.id));
    }
    EC2_ASSIGN_OR_RETURN(account.alias, text(node, "alias"));
    EC2_ASSIGN_OR_RETURN(account.seed, flag(node, "seed"));
    EC2_ASSIGN_OR_RETURN(auto users, list(node, "users"));
    for (const YAML::Node& u : users) {
      EC2_ASSIGN_OR_RETURN(auto parsed, user(u, account.id));
      account.users.push_back(std::move(parsed));
    }
    EC2_ASSIGN_OR_RETURN(auto roles, list(node, "roles"));
    for (const YAML::Node& r : roles) {
      EC2_ASSIGN_OR_RETURN(auto parsed, role(r, account.id));
      account.roles.push_back(std::move(parsed));
    }
    EC2_ASSIGN_OR_RETURN(auto profiles, list(node, "instance_profiles"));
    for (const YAML::Node& p : profiles) {
      InstanceProfile profile;
      profile.account_id = account.id;
      EC2_ASSIGN_OR_RETURN(profile.name, text(p, "name", true));
      EC2_ASSIGN_OR_RETURN(profile.role, text(p, "role", true));
      bool known = std::any_of(account.roles.begin(), account.roles.end(),
                               [&](const Role& r) { return r.name == profile.role; });
      if (!known) return error(p, fmt::format("instance profile role '{}' is not a role of {}", profile.role, account.id));
      account.instance_profiles.push_back(std::move(profile));
    }
    return account;
  }

  Result<Issuer> issuer(const YAML::Node& node) const {
    Issuer issuer;
    EC2_ASSIGN_OR_RETURN(issuer.url, text(node, "url", true));
    EC2_ASSIGN_OR_RETURN(issuer.audience, text(node, "audience"));
    EC2_ASSIGN_OR_RETURN(issuer.hs256_secret, text(node, "hs256_secret"));
    EC2_ASSIGN_OR_RETURN(issuer.rs256_public_key, text(node, "rs256_public_key"));
    if (issuer.hs256_secret.empty() == issuer.rs256_public_key.empty()) {
      return error(node, "an issuer needs exactly one of 'hs256_secret' and 'rs256_public_key'");
    }
    return issuer;
  }

  Result<SsoInstance> sso(const YAML::Node& node) const {
    SsoInstance sso;
    EC2_ASSIGN_OR_RETURN(sso.start_url, text(node, "start_url", true));
    EC2_ASSIGN_OR_RETURN(std::string region, text(node, "region"));
    if (!region.empty()) sso.region = region;
    EC2_ASSIGN_OR_RETURN(auto sets, list(node, "permission_sets"));
    for (const YAML::Node& s : sets) {
      PermissionSet set;
      EC2_ASSIGN_OR_RETURN(set.name, text(s, "name", true));
      EC2_ASSIGN_OR_RETURN(set.read_only, flag(s, "read_only"));
      EC2_ASSIGN_OR_RETURN(set.session_duration, number(s, "session_duration", 3600, 900, 43200));
      sso.permission_sets.push_back(std::move(set));
    }
    EC2_ASSIGN_OR_RETURN(auto users, list(node, "users"));
    for (const YAML::Node& u : users) {
      SsoUser user;
      EC2_ASSIGN_OR_RETURN(user.name, text(u, "name", true));
      EC2_ASSIGN_OR_RETURN(auto assignments, list(u, "assignments"));
      for (const YAML::Node& a : assignments) {
        EC2_ASSIGN_OR_RETURN(std::string account, text(a, "account", true));
        EC2_ASSIGN_OR_RETURN(auto names, strings(a, "permission_sets"));
        for (const std::string& name : names) {
          if (!sso.find_permission_set(name)) return error(a, fmt::format("unknown permission set '{}'", name));
        }
        auto& list = user.assignments[account];
        list.insert(list.end(), names.begin(), names.end());
      }
      sso.users.push_back(std::move(user));
    }
    return sso;
  }

 private:
  std::string source_;
};

/// Every account named by an SSO assignment or a role's trust must be declared; keys are unique.
Status check_references(const Accounts& accounts, const std::string& source) {
  std::vector<std::string> keys;
  for (const Account& account : accounts.accounts) {
    for (const IamUser& user : account.users) {
      for (const AccessKey& key : user.keys) keys.push_back(key.id);
    }
  }
  std::sort(keys.begin(), keys.end());
  auto dup = std::adjacent_find(keys.begin(), keys.end());
  if (dup != keys.end()) {
    return make_error(ErrorCategory::Config, "AccountsFile", fmt::format("{}: access key {} is declared twice", source, *dup));
  }
  if (!accounts.sso) return {};
  for (const SsoUser& user : accounts.sso->users) {
    for (auto& [account, sets] : user.assignments) {
      if (!accounts.find(account)) {
        return make_error(ErrorCategory::Config, "AccountsFile",
                          fmt::format("{}: SSO user {} is assigned to undeclared account {}", source, user.name, account));
      }
    }
  }
  return {};
}

}  // namespace

const SsoUser* SsoInstance::find_user(std::string_view name) const {
  auto it = std::find_if(users.begin(), users.end(), [&](const SsoUser& u) { return u.name == name; });
  return it == users.end() ? nullptr : &*it;
}

const PermissionSet* SsoInstance::find_permission_set(std::string_view name) const {
  auto it = std::find_if(permission_sets.begin(), permission_sets.end(),
                         [&](const PermissionSet& p) { return p.name == name; });
  return it == permission_sets.end() ? nullptr : &*it;
}

const Account* Accounts::find(std::string_view id) const {
  auto it = std::find_if(accounts.begin(), accounts.end(), [&](const Account& a) { return a.id == id; });
  return it == accounts.end() ? nullptr : &*it;
}

const Role* Accounts::find_role(std::string_view account, std::string_view name) const {
  const Account* owner = find(account);
  if (!owner) return nullptr;
  for (const Role& role : owner->roles) {
    if (role.name == name) return &role;
  }
  return nullptr;
}

const Role* Accounts::find_role_arn(std::string_view arn) const {
  constexpr std::string_view kPrefix = "arn:aws:iam::";
  if (arn.substr(0, kPrefix.size()) != kPrefix) return nullptr;
  arn.remove_prefix(kPrefix.size());
  size_t colon = arn.find(':');
  if (colon == std::string_view::npos || arn.substr(colon + 1, 5) != "role/") return nullptr;
  std::string_view name = arn.substr(colon + 6);
  name = name.substr(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
  return find_role(arn.substr(0, colon), name);
}

const Issuer* Accounts::find_issuer(std::string_view url) const {
  auto it = std::find_if(issuers.begin(), issuers.end(), [&](const Issuer& i) { return i.url == url; });
  return it == issuers.end() ? nullptr : &*it;
}

const IamUser* Accounts::find_mfa(std::string_view serial) const {
  for (const Account& account : accounts) {
    for (const IamUser& user : account.users) {
      if (!user.mfa_secret.empty() && user.mfa_serial == serial) return &user;
    }
  }
  return nullptr;
}

const InstanceProfile* Accounts::find_profile(std::string_view account, std::string_view name_or_arn) const {
  const Account* owner = find(account);
  if (!owner) return nullptr;
  for (const InstanceProfile& profile : owner->instance_profiles) {
    if (profile.name == name_or_arn || profile.arn() == name_or_arn) return &profile;
  }
  return nullptr;
}

std::vector<std::string> Accounts::seeded() const {
  std::vector<std::string> out;
  for (const Account& account : accounts) {
    if (account.seed) out.push_back(account.id);
  }
  return out;
}

std::string iam_unique_id(std::string_view prefix, std::string_view seed) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  IdGenerator bits(stable_hash(std::string(seed)));
  std::string id(prefix);
  for (int i = 0; i < 17; ++i) id.push_back(kAlphabet[bits.next_u64() % 32]);
  return id;
}

Result<Accounts> parse_accounts(const std::string& text, const std::string& source) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return make_error(ErrorCategory::Config, "AccountsFile",
                      fmt::format("{}:{}: {}", source, e.mark.line + 1, e.msg));
  }
  Reader reader(source);
  if (!root.IsMap()) return reader.error(root, "the accounts file must be a mapping with 'accounts'");
  Accounts accounts;
  EC2_ASSIGN_OR_RETURN(auto items, reader.list(root, "accounts"));
  if (items.empty()) return reader.error(root, "'accounts' must list at least one account");
  for (const YAML::Node& item : items) {
    EC2_ASSIGN_OR_RETURN(auto account, reader.account(item));
    if (accounts.find(account.id)) return reader.error(item, "account " + account.id + " is declared twice");
    accounts.accounts.push_back(std::move(account));
  }
  EC2_ASSIGN_OR_RETURN(auto issuers, reader.list(root, "web_identity_issuers"));
  for (const YAML::Node& item : issuers) {
    EC2_ASSIGN_OR_RETURN(auto issuer, reader.issuer(item));
    accounts.issuers.push_back(std::move(issuer));
  }
  if (YAML::Node sso = root["sso"]) {
    if (!sso.IsMap()) return reader.error(sso, "'sso' must be a mapping");
    EC2_ASSIGN_OR_RETURN(accounts.sso, reader.sso(sso));
  }
  EC2_TRY(check_references(accounts, source));
  return accounts;
}

Result<Accounts> load_accounts(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCategory::Io, "AccountsFile", "Cannot read accounts file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return parse_accounts(text.str(), path);
}

}  // namespace ec2::emu
