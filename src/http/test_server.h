#pragma once
/// Test helpers for the transport: a cpp-httplib server on 127.0.0.1 with a free port, started
/// in a background thread and stopped by its destructor, and a self-signed certificate for
/// 127.0.0.1 generated with OpenSSL.

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace ec2::testing {

/// Runs `server` on 127.0.0.1:<free port> until destroyed.
class ServerThread {
 public:
  explicit ServerThread(httplib::Server& server) : server_(server) {
    server_.set_tcp_nodelay(true);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() only works once the accept loop runs; connections queue in the backlog meanwhile.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ServerThread() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string url(const std::string& scheme = "http") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_);
  }

 private:
  httplib::Server& server_;
  int port_ = 0;
  std::thread thread_;
};

/// Writes a self-signed certificate for IP 127.0.0.1 and its key as PEM files in `dir`.
/// Returns false when OpenSSL fails.
bool write_self_signed_certificate(const std::string& cert_path, const std::string& key_path);

}  // namespace ec2::testing
