// terminal_prompt in child processes: one on a pseudo-terminal that becomes its controlling
// terminal (prompt shown, answer read without echo), one without any controlling terminal.
#include "auth/terminal_prompt.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace ec2::auth {
namespace {

/// Waits for `pid`; its exit status, or -1 when it did not exit normally.
int wait_exit(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

/// Reads from `fd` until `text` has arrived (or the other side closes).
std::string read_until(int fd, const std::string& text) {
  std::string got;
  char buf[256];
  while (got.find(text) == std::string::npos) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  return got;
}

TEST(TerminalPrompt, AsksOnTheControllingTerminalWithoutEcho) {
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(::grantpt(master), 0);
  ASSERT_EQ(::unlockpt(master), 0);
  std::string slave_name = ::ptsname(master);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(master);
    ::setsid();
    int slave = ::open(slave_name.c_str(), O_RDWR);  // becomes the controlling terminal
    if (slave < 0) ::_exit(3);
    auto answer = terminal_prompt("Enter MFA code for arn:aws:iam::1:mfa/a: ");
    ::_exit(answer && *answer == "654321" ? 0 : 1);
  }
  std::string prompt = read_until(master, "mfa/a: ");
  EXPECT_EQ(prompt, "Enter MFA code for arn:aws:iam::1:mfa/a: ");
  // Echo is already off when the prompt is out, so an answer typed at once is kept.
  int slave_view = ::open(slave_name.c_str(), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave_view, 0);
  termios mode{};
  ASSERT_EQ(::tcgetattr(slave_view, &mode), 0);
  EXPECT_EQ(mode.c_lflag & ECHO, 0u);
  ::close(slave_view);
  ASSERT_EQ(::write(master, "654321\n", 7), 7);
  EXPECT_EQ(wait_exit(pid), 0);
  std::string rest;
  char buf[64];
  int flags = ::fcntl(master, F_GETFL);
  ::fcntl(master, F_SETFL, flags | O_NONBLOCK);
  for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;) rest.append(buf, static_cast<size_t>(n));
  EXPECT_EQ(rest.find("654321"), std::string::npos) << rest;  // not echoed
  ::close(master);
}

TEST(TerminalPrompt, WithoutATerminalItIsAnError) {
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::setsid();  // a new session has no controlling terminal
    auto answer = terminal_prompt("Enter MFA code for x: ");
    ::_exit(!answer && answer.error().code == "NoTerminal" ? 0 : 1);
  }
  EXPECT_EQ(wait_exit(pid), 0);
}

}  // namespace
}  // namespace ec2::auth
