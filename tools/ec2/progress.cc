#include "progress.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace ec2::cli {
namespace {

constexpr std::string_view kFrames[] = {"|", "/", "-", "\\"};

std::string seconds(std::chrono::milliseconds elapsed) {
  return fmt::format("{}s", std::chrono::duration_cast<std::chrono::seconds>(elapsed).count());
}

}  // namespace

Progress::Progress(std::function<void(std::string_view)> write, bool tty, bool quiet)
    : write_(std::move(write)), tty_(tty), quiet_(quiet) {}

Progress Progress::to_stderr(bool quiet) {
  return Progress([](std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  }, ::isatty(STDERR_FILENO) == 1, quiet);
}

void Progress::clear_spinner() {
  if (spinner_shown_) write_("\r\033[K");
  spinner_shown_ = false;
}

void Progress::note(std::string_view line) {
  if (quiet_) return;
  clear_spinner();
  write_(fmt::format("{}\n", line));
}

void Progress::warn(std::string_view line) {
  clear_spinner();
  write_(fmt::format("{}\n", line));
}

void Progress::waiting(std::string_view what, std::string_view state,
                       std::chrono::milliseconds elapsed) {
  if (quiet_) return;
  if (tty_) {
    frame_ = (frame_ + 1) % 4;
    write_(fmt::format("\r\033[K{} Waiting for {}: {} ({})", kFrames[frame_], what,
                       state.empty() ? "..." : state, seconds(elapsed)));
    spinner_shown_ = true;
    return;
  }
  if (what == last_what_ && state == last_state_) return;
  last_what_ = std::string(what);
  last_state_ = std::string(state);
  if (state.empty()) {
    write_(fmt::format("Waiting for {}...\n", what));
  } else {
    write_(fmt::format("Waiting for {}: {} ({})\n", what, state, seconds(elapsed)));
  }
}

void Progress::finish_wait() {
  clear_spinner();
  last_what_.clear();
  last_state_.clear();
}

}  // namespace ec2::cli
