#pragma once
/// Progress on stderr while the tool waits: on a terminal one spinner line with the state and the
/// elapsed time, rewritten in place; otherwise a plain line each time the state changes. stdout
/// is never touched, so `DNS=$(ec2 -i)` stays clean.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace ec2::cli {

class Progress {
 public:
  /// `write` receives raw text for stderr. `tty` selects the spinner. `quiet` drops everything
  /// but errors (used by `-i`).
  Progress(std::function<void(std::string_view)> write, bool tty, bool quiet = false);
  /// Progress to the process's stderr, spinner when stderr is a terminal.
  static Progress to_stderr(bool quiet);

  /// One finished line ("Created key pair ec2.py."), after clearing the spinner line.
  void note(std::string_view line);
  /// Always printed (errors and warnings), even when quiet.
  void warn(std::string_view line);
  /// Reports waiting for `what` (e.g. "i-0abc to be running"), currently in `state`.
  void waiting(std::string_view what, std::string_view state, std::chrono::milliseconds elapsed);
  /// Ends a spinner line, if one is showing.
  void finish_wait();

 private:
  void clear_spinner();

  std::function<void(std::string_view)> write_;
  bool tty_;
  bool quiet_;
  bool spinner_shown_ = false;
  int frame_ = 0;
  std::string last_what_;
  std::string last_state_;
};

}  // namespace ec2::cli
