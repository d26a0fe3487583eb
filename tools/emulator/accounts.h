#pragma once
/// `--accounts FILE`: the accounts, IAM users and their access keys, roles with their trust, the
/// web identity issuers, the IAM Identity Center (SSO) instance and the instance profiles the
/// emulator knows (docs/emulator.md, "Accounts"). Without the flag there is one account
/// (kAccountId) and only the built-in keys.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ec2/result.h"

namespace ec2::emu {

/// One long-term access key of an IAM user.
struct AccessKey {
  std::string id;      ///< `AKIA…`
  std::string secret;
  bool read_only = false;
};

struct IamUser {
  std::string name;
  std::string account_id;
  std::string user_id;  ///< `AIDA…`, derived from account and name.
  std::vector<AccessKey> keys;
  std::string mfa_serial;  ///< `arn:aws:iam::ACCOUNT:mfa/NAME` unless given.
  std::string mfa_secret;  ///< Base32 TOTP device secret; empty: the user has no MFA device.
  std::string arn() const { return "arn:aws:iam::" + account_id + ":user/" + name; }
};

/// Who may assume a role.
struct RoleTrust {
  std::vector<std::string> accounts;         ///< Any principal of these accounts.
  std::vector<std::string> users;            ///< User ARNs.
  std::vector<std::string> roles;            ///< Role ARNs (sessions of these roles may chain).
  std::vector<std::string> web_identity;     ///< Issuer URLs (`iss` of the token).
  std::vector<std::string> sso_permission_sets;  ///< Sessions from these permission sets.
};

struct Role {
  std::string name;
  std::string account_id;
  std::string role_id;  ///< `AROA…`, derived from account and name.
  RoleTrust trust;
  std::string external_id;  ///< When set, AssumeRole must pass it.
  bool mfa_required = false;
  bool read_only = false;   ///< Sessions get UnauthorizedOperation on mutating EC2 actions.
  int max_session_duration = 3600;  ///< Seconds (900–43200).
  std::string arn() const { return "arn:aws:iam::" + account_id + ":role/" + name; }
};

struct InstanceProfile {
  std::string name;
  std::string account_id;
  std::string role;  ///< Name of a role of the same account.
  std::string arn() const { return "arn:aws:iam::" + account_id + ":instance-profile/" + name; }
};

struct Account {
  std::string id;
  std::string alias;
  bool seed = false;  ///< Gets the `--seed-instances` fleet.
  std::vector<IamUser> users;
  std::vector<Role> roles;
  std::vector<InstanceProfile> instance_profiles;
};

/// A web identity (OIDC) issuer whose JWTs AssumeRoleWithWebIdentity accepts.
struct Issuer {
  std::string url;            ///< Must equal the token's `iss`.
  std::string audience;       ///< When set, the token's `aud` must contain it.
  std::string hs256_secret;   ///< HS256 key (also lets the control endpoint mint tokens).
  std::string rs256_public_key;  ///< PEM public key for RS256 tokens.
};

struct PermissionSet {
  std::string name;
  bool read_only = false;
  int session_duration = 3600;  ///< Seconds.
};

struct SsoUser {
  std::string name;
  /// Account id → names of the permission sets assigned in it.
  std::map<std::string, std::vector<std::string>> assignments;
};

/// The IAM Identity Center instance.
struct SsoInstance {
  std::string start_url;
  std::string region = "us-east-1";
  std::vector<SsoUser> users;
  std::vector<PermissionSet> permission_sets;
  const SsoUser* find_user(std::string_view name) const;
  const PermissionSet* find_permission_set(std::string_view name) const;
};

/// The whole accounts file.
struct Accounts {
  std::vector<Account> accounts;
  std::vector<Issuer> issuers;
  std::optional<SsoInstance> sso;

  const Account* find(std::string_view id) const;
  const Role* find_role(std::string_view account, std::string_view name) const;
  /// The role with `arn` (`arn:aws:iam::ACCOUNT:role/NAME`), or nullptr.
  const Role* find_role_arn(std::string_view arn) const;
  const Issuer* find_issuer(std::string_view url) const;
  /// The user with MFA device `serial`, or nullptr.
  const IamUser* find_mfa(std::string_view serial) const;
  /// The profile named `name` or with ARN `name` in `account`, or nullptr.
  const InstanceProfile* find_profile(std::string_view account, std::string_view name_or_arn) const;
  /// Ids of the accounts with `seed: true`.
  std::vector<std::string> seeded() const;
};

/// Reads and checks an accounts file; errors name the file and line.
Result<Accounts> load_accounts(const std::string& path);
/// Parses accounts YAML text (`source` names it in errors).
Result<Accounts> parse_accounts(const std::string& text, const std::string& source);

/// A stable IAM unique id: `prefix` + 17 upper-case characters derived from `seed`.
std::string iam_unique_id(std::string_view prefix, std::string_view seed);

}  // namespace ec2::emu
