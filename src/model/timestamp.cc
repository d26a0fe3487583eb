#include "ec2/model/timestamp.h"

#include <charconv>
#include <cstdio>

namespace ec2 {
namespace {

/// Reads exactly `digits` decimal digits at `pos`, advancing it.
bool take_number(std::string_view text, size_t& pos, int digits, int& out) {
  if (pos + digits > text.size()) return false;
  out = 0;
  for (int i = 0; i < digits; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += digits;
  return true;
}

bool take_char(std::string_view text, size_t& pos, char expected) {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

/// Reads `.ddd…` (any number of digits, kept to milliseconds).
bool take_fraction(std::string_view text, size_t& pos, int& millis) {
  millis = 0;
  if (pos >= text.size() || text[pos] != '.') return true;
  ++pos;
  int digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (digits < 3) millis = millis * 10 + (text[pos] - '0');
    ++digits;
    ++pos;
  }
  if (digits == 0) return false;
  for (int i = digits; i < 3; ++i) millis *= 10;
  return true;
}

/// Reads `Z`, `+hh:mm`, `-hh:mm` or nothing; `offset` is minutes east of UTC.
bool take_zone(std::string_view text, size_t& pos, int& offset) {
  offset = 0;
  if (pos == text.size()) return true;
  if (text[pos] == 'Z' || text[pos] == 'z') return ++pos == text.size();
  if (text[pos] != '+' && text[pos] != '-') return false;
  int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  int hours = 0, minutes = 0;
  if (!take_number(text, pos, 2, hours)) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (!take_number(text, pos, 2, minutes)) return false;
  offset = sign * (hours * 60 + minutes);
  return pos == text.size();
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  size_t pos = 0;
  int year, month, day, hour, minute, second, millis, offset;
  if (!take_number(text, pos, 4, year) || !take_char(text, pos, '-') ||
      !take_number(text, pos, 2, month) || !take_char(text, pos, '-') ||
      !take_number(text, pos, 2, day) ||
      !(take_char(text, pos, 'T') || take_char(text, pos, 't') || take_char(text, pos, ' ')) ||
      !take_number(text, pos, 2, hour) || !take_char(text, pos, ':') ||
      !take_number(text, pos, 2, minute) || !take_char(text, pos, ':') ||
      !take_number(text, pos, 2, second) || !take_fraction(text, pos, millis) ||
      !take_zone(text, pos, offset)) {
    return std::nullopt;
  }
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                   std::chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  using namespace std::chrono;
  return time_point_cast<milliseconds>(sys_days(date)) + hours(hour) + minutes(minute) +
         seconds(second) + milliseconds(millis) - minutes(offset);
}

namespace {

std::string format(Timestamp time, bool xml) {
  using namespace std::chrono;
  auto day = floor<days>(time);
  year_month_day date(day);
  hh_mm_ss clock(time - day);
  int millis = static_cast<int>(clock.subseconds().count());
  char buffer[64];  // date, time and zone written in one buffer: one allocation per timestamp
  int n = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(date.year()),
                        static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                        static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                        static_cast<int>(clock.seconds().count()));
  char* tail = buffer + n;
  size_t room = sizeof buffer - static_cast<size_t>(n);
  if (xml) {
    n += std::snprintf(tail, room, ".%03dZ", millis);
  } else if (millis != 0) {
    n += std::snprintf(tail, room, ".%03d000+00:00", millis);
  } else {
    n += std::snprintf(tail, room, "+00:00");
  }
  return std::string(buffer, static_cast<size_t>(n));
}

}  // namespace

std::string format_timestamp(Timestamp time) { return format(time, false); }

std::string format_timestamp_xml(Timestamp time) { return format(time, true); }

}  // namespace ec2
