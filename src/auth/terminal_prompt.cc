#include "auth/terminal_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ec2::auth {
namespace {

/// Turns echo off on `fd` for its lifetime (when it was on).
class EchoOff {
 public:
  explicit EchoOff(int fd) : fd_(fd) {
    if (::tcgetattr(fd_, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0 && errno != EINTR) return;
    if (n > 0) done += static_cast<size_t>(n);
  }
}

/// One line from `fd`, without its end; stops at end of input.
std::string read_line(int fd) {
  std::string line;
  char c = 0;
  while (true) {
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n') break;
    line.push_back(c);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

Result<std::string> terminal_prompt(const std::string& prompt) {
  int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    return make_error(ErrorCategory::Config, "NoTerminal",
                      "cannot ask '" + prompt + "': no terminal (" + std::strerror(errno) + ")");
  }
  std::string answer;
  {
    // Echo goes off (dropping what was typed before) before the prompt is shown, so an
    // answer typed as soon as the prompt appears is never discarded.
    EchoOff quiet(fd);
    write_all(fd, prompt);
    answer = read_line(fd);
  }
  write_all(fd, "\n");
  ::close(fd);
  return answer;
}

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }

}  // namespace ec2::auth
