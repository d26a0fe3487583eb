#pragma once
/// The HTTP front end (cpp-httplib): accepts EC2 Query requests on any path, hands them to the
/// Dispatcher and applies transport faults (connection reset, truncated body, added latency).

#include <memory>
#include <string>

#include "dispatcher.h"
#include "ec2/result.h"

namespace httplib {
class Server;
}

namespace ec2::emu {

class HttpServer {
 public:
  explicit HttpServer(Dispatcher& dispatcher);
  ~HttpServer();

  /// Binds `host:port` (port 0 = any free port) and returns the bound port.
  Result<int> bind(const std::string& host, int port);
  /// Serves until stop() is called (from any thread).
  void run();
  /// Stops serving; run() returns once in-flight requests are answered.
  void stop();

 private:
  Dispatcher& dispatcher_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace ec2::emu
