#include "auth/refreshing_credentials.h"

#include <ctime>

namespace ec2::auth {
namespace {

std::string utc_text(std::chrono::system_clock::time_point t) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

RefreshingCredentials::RefreshingCredentials(FetchCredentials fetch, std::shared_ptr<Clock> clock,
                                             RefreshWindows windows)
    : fetch_(std::move(fetch)), clock_(std::move(clock)), windows_(windows) {}

bool RefreshingCredentials::needs_refresh(std::chrono::seconds window,
                                          std::chrono::system_clock::time_point now) const {
  if (!credentials_) return true;
  if (!credentials_->expiration) return false;
  return *credentials_->expiration - now < window;
}

Result<Credentials> RefreshingCredentials::refresh(bool mandatory) {
  auto fresh = fetch_();
  auto now = clock_->now();
  if (fresh && fresh->expiration && *fresh->expiration <= now) {
    fresh = make_error(ErrorCategory::Auth, "ExpiredCredentials",
                       "the " + fresh->source + " provider returned credentials that expired at " +
                           utc_text(*fresh->expiration));
  }
  std::lock_guard lock(state_);
  if (!fresh) {
    if (mandatory || !credentials_) return fresh.error();
    return *credentials_;
  }
  credentials_ = *fresh;
  return std::move(*fresh);
}

Result<Credentials> RefreshingCredentials::get() {
  {
    std::lock_guard lock(state_);
    if (!needs_refresh(windows_.advisory, clock_->now())) return *credentials_;
  }
  std::unique_lock refreshing(refresh_, std::try_to_lock);
  if (!refreshing.owns_lock()) {
    {
      // Someone else is refreshing: within the advisory window keep using what we have.
      std::lock_guard lock(state_);
      if (!needs_refresh(windows_.mandatory, clock_->now())) return *credentials_;
    }
    refreshing.lock();
  }
  bool mandatory = false;
  {
    std::lock_guard lock(state_);
    auto now = clock_->now();
    if (!needs_refresh(windows_.advisory, now)) return *credentials_;
    mandatory = needs_refresh(windows_.mandatory, now);
  }
  return refresh(mandatory);
}

std::shared_ptr<CredentialsProvider> refreshing_credentials(FetchCredentials fetch,
                                                            std::shared_ptr<Clock> clock) {
  return std::make_shared<RefreshingCredentials>(std::move(fetch), std::move(clock));
}

}  // namespace ec2::auth
