#pragma once
/// The HTTP front end (cpp-httplib): accepts requests on any path, hands them to a handler (the
/// Emulator for the main port, the metadata services for theirs) and applies transport faults
/// (connection reset, truncated body, added latency).

#include <functional>
#include <memory>
#include <string>

#include "dispatcher.h"
#include "ec2/result.h"

namespace httplib {
class Server;
}

namespace ec2::emu {

/// Connections served at once by default. A connection holds its thread while a request is
/// answered (added latency included) and while it idles between keep-alive requests, so a client
/// with many connections in flight needs about as many threads.
inline constexpr size_t kDefaultServerThreads = 64;

class HttpServer {
 public:
  using Handler = std::function<HttpReply(const HttpCall&)>;
  /// Serves `handler` with `threads` threads; with `dispatcher`, requests outside `/_emulator/`
  /// count as in flight there.
  explicit HttpServer(Handler handler, Dispatcher* dispatcher = nullptr, size_t threads = kDefaultServerThreads);
  ~HttpServer();

  /// Binds `host:port` (port 0 = any free port) and returns the bound port. Listens with the
  /// system's largest backlog (SOMAXCONN), so that a burst of connections is accepted at once.
  Result<int> bind(const std::string& host, int port);
  /// Serves until stop() is called (from any thread).
  void run();
  /// Stops serving; run() returns once in-flight requests are answered.
  void stop();

 private:
  Handler handler_;
  Dispatcher* dispatcher_;
  std::unique_ptr<httplib::Server> server_;
  int listen_socket_ = -1;  ///< The socket cpp-httplib listens on, once bound.
};

}  // namespace ec2::emu
