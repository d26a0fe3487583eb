#include "server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <thread>

#include <httplib.h>

#include "api_error.h"

namespace ec2::emu {
namespace {

/// Resets the connection from `addr:port` now, before any response byte is written: the socket
/// gets SO_LINGER 0 and its descriptor is replaced by /dev/null (closing the socket sends RST;
/// cpp-httplib's later writes and close then hit /dev/null). cpp-httplib does not expose the
/// socket, so it is found by its peer address.
void reset_connection(const std::string& addr, int port) {
  for (int fd = 3; fd < 4096; ++fd) {
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) continue;
    char host[INET6_ADDRSTRLEN] = {};
    int peer_port = 0;
    if (peer.ss_family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(&peer);
      inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
      peer_port = ntohs(in->sin_port);
    } else if (peer.ss_family == AF_INET6) {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&peer);
      inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
      peer_port = ntohs(in6->sin6_port);
    }
    if (peer_port == port && addr == host) {
      linger hard{1, 0};
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
      int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
      if (null_fd >= 0) {
        ::dup2(null_fd, fd);
        ::close(null_fd);
      }
      return;
    }
  }
}

HttpCall to_call(const httplib::Request& req) {
  HttpCall call;
  call.method = req.method;
  size_t q = req.target.find('?');
  call.path = req.target.substr(0, q);
  if (q != std::string::npos) call.query = req.target.substr(q + 1);
  for (auto& [name, value] : req.headers) call.headers.emplace_back(name, value);
  call.body = req.body;
  call.remote_addr = req.remote_addr;
  return call;
}

/// Sends `body` with a Content-Length and no Content-Encoding. cpp-httplib compresses a plain body
/// whenever the client accepts gzip or br (at zlib's default level, or Brotli's slowest), which on
/// loopback costs more than building the document; a sized content provider is sent as it is.
void send_uncompressed(httplib::Response& res, std::string body, const std::string& content_type) {
  auto shared = std::make_shared<std::string>(std::move(body));
  if (shared->empty()) {
    res.set_content("", content_type.c_str());
    return;
  }
  res.set_content_provider(shared->size(), content_type.c_str(),
                           [shared](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(shared->data() + offset, length);
                           });
}

void send_reply(const httplib::Request& req, httplib::Response& res, HttpReply reply) {
  if (reply.delay.count() > 0) std::this_thread::sleep_for(reply.delay);
  res.status = reply.status;
  for (auto& [name, value] : reply.headers) res.set_header(name, value);
  if (reply.fault == TransportFault::None) {
    send_uncompressed(res, std::move(reply.body), reply.content_type);
    return;
  }
  if (reply.fault == TransportFault::Reset) {
    reset_connection(req.remote_addr, req.remote_port);
    return;
  }
  size_t full = reply.body.size();
  size_t sent = full / 2;
  auto body = std::make_shared<std::string>(std::move(reply.body));
  // Announce the full length, write only part of it, then fail: the connection is closed mid-body.
  res.set_content_provider(full, reply.content_type.c_str(),
                           [body, sent](size_t offset, size_t, httplib::DataSink& sink) {
                             if (offset < sent) sink.write(body->data() + offset, sent - offset);
                             return false;
                           });
}

/// One EC2 request being served, from construction to destruction (DispatchStats::peak_in_flight).
class Serving {
 public:
  explicit Serving(Dispatcher& dispatcher) : dispatcher_(dispatcher) { dispatcher_.serving_started(); }
  ~Serving() { dispatcher_.serving_finished(); }
  Serving(const Serving&) = delete;
  Serving& operator=(const Serving&) = delete;

 private:
  Dispatcher& dispatcher_;
};

}  // namespace

HttpServer::HttpServer(Handler handler, Dispatcher* dispatcher, size_t threads)
    : handler_(std::move(handler)), dispatcher_(dispatcher), server_(std::make_unique<httplib::Server>()) {
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(std::max<size_t>(threads, 1)); };
  auto handler_fn = [this](const httplib::Request& req, httplib::Response& res) {
    HttpCall call = to_call(req);
    std::optional<Serving> serving;
    if (dispatcher_ && call.path.rfind("/_emulator/", 0) != 0) serving.emplace(*dispatcher_);
    send_reply(req, res, handler_(call));
  };
  server_->Get(".*", handler_fn);
  server_->Post(".*", handler_fn);
  server_->Put(".*", handler_fn);
  server_->Delete(".*", handler_fn);
  server_->set_payload_max_length(64 << 20);
  // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs hold each response for ~40 ms.
  server_->set_tcp_nodelay(true);
  // The listening socket is the only one the server creates itself; bind() listens on it again.
  server_->set_socket_options([this](int sock) {
    httplib::default_socket_options(sock);
    listen_socket_ = sock;
  });
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::bind(const std::string& host, int port) {
  int bound = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    return make_error(ErrorCategory::Network, "BindFailed", "Cannot listen on " + host + ":" + std::to_string(port));
  }
  // cpp-httplib listens with a backlog of 5, fixed when Debian built it. Connections beyond that
  // arriving at once (an inventory opens one per stream, hundreds together) have their SYNs
  // dropped and resent 1, 3, 7 … s later; calling listen() again raises the backlog in place.
  if (::listen(listen_socket_, SOMAXCONN) != 0) {
    return make_error(ErrorCategory::Network, "ListenFailed", "Cannot listen on " + host + ":" + std::to_string(port));
  }
  return bound;
}

void HttpServer::run() { server_->listen_after_bind(); }

void HttpServer::stop() { server_->stop(); }

}  // namespace ec2::emu
