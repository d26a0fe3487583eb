#include "http/curl_handles.h"

namespace ec2::http {
namespace {

/// Idle handles kept per pool; enough for the usual fan-out without hoarding sockets.
constexpr size_t kMaxIdle = 32;

}  // namespace

void curl_global_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlShare::CurlShare() : handle_(curl_share_init()) {
  curl_share_setopt(handle_, CURLSHOPT_LOCKFUNC, &CurlShare::lock);
  curl_share_setopt(handle_, CURLSHOPT_UNLOCKFUNC, &CurlShare::unlock);
  curl_share_setopt(handle_, CURLSHOPT_USERDATA, this);
  curl_share_setopt(handle_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(handle_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
}

CurlShare::~CurlShare() { curl_share_cleanup(handle_); }

void CurlShare::lock(CURL*, curl_lock_data data, curl_lock_access, void* self) {
  static_cast<CurlShare*>(self)->mutexes_.at(static_cast<size_t>(data)).lock();
}

void CurlShare::unlock(CURL*, curl_lock_data data, void* self) {
  static_cast<CurlShare*>(self)->mutexes_.at(static_cast<size_t>(data)).unlock();
}

EasyPool::~EasyPool() {
  for (CURL* handle : idle_) curl_easy_cleanup(handle);
}

CURL* EasyPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      CURL* handle = idle_.back();
      idle_.pop_back();
      return handle;
    }
  }
  return curl_easy_init();
}

void EasyPool::release(CURL* handle) {
  // Drop pointers into the finished transfer (error buffer, header list, body); the handle's
  // live connections survive a reset.
  curl_easy_reset(handle);
  {
    std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdle) {
      idle_.push_back(handle);
      return;
    }
  }
  curl_easy_cleanup(handle);
}

MultiPool::~MultiPool() {
  for (CURLM* handle : idle_) curl_multi_cleanup(handle);
}

CURLM* MultiPool::acquire(long max_connections) {
  CURLM* handle = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      handle = idle_.back();
      idle_.pop_back();
    }
  }
  if (!handle) handle = curl_multi_init();
  if (handle) curl_multi_setopt(handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, max_connections);
  return handle;
}

void MultiPool::release(CURLM* handle) {
  {
    std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdle) {
      idle_.push_back(handle);
      return;
    }
  }
  curl_multi_cleanup(handle);
}

}  // namespace ec2::http
