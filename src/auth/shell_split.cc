#include "auth/shell_split.h"

namespace ec2::auth {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Error split_error(std::string message) {
  return make_error(ErrorCategory::Config, "InvalidCommandLine", std::move(message));
}

}  // namespace

Result<std::vector<std::string>> shell_split(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;  // A word has started (possibly an empty quoted one).
  size_t i = 0;
  while (i < command.size()) {
    char c = command[i];
    if (is_blank(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      ++i;
    } else if (c == '\\') {
      if (i + 1 >= command.size()) return split_error("no character after the final backslash");
      word.push_back(command[i + 1]);
      in_word = true;
      i += 2;
    } else if (c == '\'') {
      size_t close = command.find('\'', i + 1);
      if (close == std::string_view::npos) return split_error("no closing single quote");
      word.append(command.substr(i + 1, close - i - 1));
      in_word = true;
      i = close + 1;
    } else if (c == '"') {
      ++i;
      while (true) {
        if (i >= command.size()) return split_error("no closing double quote");
        char d = command[i];
        if (d == '"') break;
        if (d == '\\' && i + 1 < command.size() && (command[i + 1] == '"' || command[i + 1] == '\\')) {
          word.push_back(command[i + 1]);
          i += 2;
          continue;
        }
        word.push_back(d);
        ++i;
      }
      in_word = true;
      ++i;
    } else {
      word.push_back(c);
      in_word = true;
      ++i;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace ec2::auth
