#pragma once
/// The clients of a many-account aws_ec2.yml run (`ec2_inventory.accounts`): the accounts an
/// organization lists, and one client per account signing as the account's role, assumed with the
/// run's credentials, each with a retry policy of its own.

#include <memory>
#include <string>
#include <vector>

#include "ec2/client.h"
#include "ec2/retry.h"
#include "instance_source.h"

namespace ec2::inventory {

/// RoleSessionName of every role the aws_ec2 mode assumes (the plugin's).
inline constexpr const char* kSessionName = "ansible_aws_ec2_dynamic_inventory";

/// Attempts a call that keeps being throttled gets at most, the first included.
inline constexpr int kThrottledAttempts = 20;

/// `inner`, except that throttling errors it gives up on (attempts or quota spent) are retried
/// until attempt kThrottledAttempts, waiting `uniform(0, 1) × min(2^(attempt-1), 20)` s: a throttled
/// run slows down instead of failing (at most about 5 minutes of waiting per call).
std::shared_ptr<RetryPolicy> persistent_throttling(std::shared_ptr<RetryPolicy> inner,
                                                   std::shared_ptr<Random> random = default_random());

/// An account to read and the role to read it with.
struct AccountRole {
  std::string id;
  std::string name;  ///< Organizations Name, else the id.
  std::string role_arn;
};

/// The ACTIVE accounts Organizations ListAccounts returns to `run` (every page, in its order),
/// those of `include` only when it is not empty, none of `exclude`, each with role
/// arn:aws:iam::ID:role/ROLE_NAME. Sent to `run`'s endpoint when one is configured, else to
/// organizations.us-east-1.amazonaws.com, signed for us-east-1.
Result<std::vector<AccountRole>> organization_accounts(const Client& run, const std::string& role_name,
                                                       const std::vector<std::string>& include,
                                                       const std::vector<std::string>& exclude);

/// How open_accounts works.
struct AccountOptions {
  std::string cache_dir;            ///< The AWS CLI credential cache to share, or "" for none.
  bool strict_permissions = true;   ///< false: an account whose role refuses the run is skipped.
  int parallel = 16;                ///< AssumeRole calls at once.
};

/// One client per account of `roles` (in their order), each signing as its role assumed once with
/// `run`'s credentials (concurrently, RoleSessionName kSessionName) and refreshed before expiry;
/// each has its own retry policy (mode and max attempts of `run`'s config, persistent throttling,
/// its own quota). A permission error (AccessDenied...) with `strict_permissions` false is a
/// warning naming account and role, and the account is left out; any other failure is an error
/// naming account, role, code, message and request id.
Result<std::vector<AccountTarget>> open_accounts(const Client& run, const std::vector<AccountRole>& roles,
                                                 const AccountOptions& options, const WarningSink& warn);

}  // namespace ec2::inventory
