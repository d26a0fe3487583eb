#include "server.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <fstream>

namespace ec2::emu {
namespace {

/// The descriptor of this process's socket listening on local `port`, or -1.
int listening_socket_on(int port) {
  for (int fd = 3; fd < 4096; ++fd) {
    sockaddr_in local{};
    socklen_t len = sizeof local;
    int listening = 0;
    socklen_t flag_len = sizeof listening;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0 || local.sin_family != AF_INET) continue;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &flag_len) != 0 || !listening) continue;
    if (ntohs(local.sin_port) == port) return fd;
  }
  return -1;
}

TEST(HttpServerTest, ListensWithTheSystemsLargestBacklog) {
  HttpServer server([](const HttpCall&) { return HttpReply{}; });
  Result<int> port = server.bind("127.0.0.1", 0);
  ASSERT_TRUE(port.ok()) << port.error().message;
  int fd = listening_socket_on(*port);
  ASSERT_GE(fd, 0);
  // For a listening socket Linux reports its backlog as tcpi_sacked.
  tcp_info info{};
  socklen_t len = sizeof info;
  ASSERT_EQ(getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len), 0);
  unsigned system_limit = SOMAXCONN;
  std::ifstream("/proc/sys/net/core/somaxconn") >> system_limit;
  EXPECT_EQ(info.tcpi_sacked, std::min<unsigned>(SOMAXCONN, system_limit));
}

}  // namespace
}  // namespace ec2::emu
