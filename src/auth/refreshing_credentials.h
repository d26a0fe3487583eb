#pragma once
/// Temporary credentials that renew themselves with botocore's two windows:
///   - advisory (15 minutes before expiry): one caller refreshes; if that fails the current
///     credentials are still used, and callers arriving meanwhile do not wait;
///   - mandatory (10 minutes before expiry): credentials must be refreshed; callers wait for the
///     one refreshing, and a failure is an error (credentials are never used expired).
/// The first get() fetches. Credentials without an expiration are kept for good.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "ec2/credentials.h"

namespace ec2::auth {

/// How long before expiry each window opens.
struct RefreshWindows {
  std::chrono::seconds advisory{15 * 60};
  std::chrono::seconds mandatory{10 * 60};
};

/// Gets new credentials (an STS call, a credential process, ...).
using FetchCredentials = std::function<Result<Credentials>()>;

/// A thread-safe provider around `fetch`.
class RefreshingCredentials final : public CredentialsProvider {
 public:
  RefreshingCredentials(FetchCredentials fetch, std::shared_ptr<Clock> clock,
                        RefreshWindows windows = {});

  Result<Credentials> get() override;

 private:
  /// True when the current credentials are missing or expire within `window` (state_ locked).
  bool needs_refresh(std::chrono::seconds window, std::chrono::system_clock::time_point now) const;
  /// Fetches (refresh_ held). `mandatory`: a failure is returned instead of the old credentials.
  Result<Credentials> refresh(bool mandatory);

  FetchCredentials fetch_;
  std::shared_ptr<Clock> clock_;
  RefreshWindows windows_;
  std::mutex refresh_;  ///< Held by the one caller fetching.
  mutable std::mutex state_;
  std::optional<Credentials> credentials_;
};

/// A RefreshingCredentials around `fetch` with the default windows.
std::shared_ptr<CredentialsProvider> refreshing_credentials(FetchCredentials fetch,
                                                            std::shared_ptr<Clock> clock);

}  // namespace ec2::auth
