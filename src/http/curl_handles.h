#pragma once
/// Owners of libcurl handles: the per-transport share object (DNS cache and TLS sessions, locked
/// for concurrent use) and pools of idle easy and multi handles, so that connections they keep
/// alive are reused by later requests.

#include <curl/curl.h>

#include <array>
#include <mutex>
#include <vector>

namespace ec2::http {

/// Initialises libcurl once per process (thread-safe).
void curl_global_once();

/// A CURLSH sharing DNS and TLS sessions between every handle of one transport.
class CurlShare {
 public:
  CurlShare();
  ~CurlShare();
  CurlShare(const CurlShare&) = delete;
  CurlShare& operator=(const CurlShare&) = delete;

  CURLSH* get() const { return handle_; }

 private:
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* self);
  static void unlock(CURL*, curl_lock_data data, void* self);

  CURLSH* handle_;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> mutexes_;
};

/// Idle easy handles (each keeps its live connections) handed out one caller at a time.
class EasyPool {
 public:
  EasyPool() = default;
  ~EasyPool();
  EasyPool(const EasyPool&) = delete;
  EasyPool& operator=(const EasyPool&) = delete;

  /// An idle handle, or a new one. Null only when libcurl is out of memory.
  CURL* acquire();
  /// Gives a handle back (its options reset); beyond the idle limit it is closed.
  void release(CURL* handle);

 private:
  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

/// Idle multi handles (each keeps its own connection cache) for concurrent batches.
class MultiPool {
 public:
  MultiPool() = default;
  ~MultiPool();
  MultiPool(const MultiPool&) = delete;
  MultiPool& operator=(const MultiPool&) = delete;

  CURLM* acquire(long max_connections);
  void release(CURLM* handle);

 private:
  std::mutex mutex_;
  std::vector<CURLM*> idle_;
};

}  // namespace ec2::http
