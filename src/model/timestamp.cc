#include "ec2/model/timestamp.h"

#include <charconv>
#include <cstdint>
#include <string_view>

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

/// Writes `value` zero-padded to `width` characters (a sign counts as one), as printf's `%0*d`
/// does, and returns the end. printf itself is the slower part of formatting a timestamp.
char* put_padded(char* out, int64_t value, int width) {
  if (value < 0) {
    *out++ = '-';
    --width;
    value = -value;
  }
  char digits[20];
  char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (int pad = width - static_cast<int>(end - digits); pad > 0; --pad) *out++ = '0';
  for (char* d = digits; d != end; ++d) *out++ = *d;
  return out;
}

/// Writes the timestamp into `buffer` (see format_timestamp and format_timestamp_xml).
std::string_view format(Timestamp time, bool xml, TimestampText& buffer) {
  using namespace std::chrono;
  auto day = floor<days>(time);
  year_month_day date(day);
  hh_mm_ss clock(time - day);
  int millis = static_cast<int>(clock.subseconds().count());
  char* out = put_padded(buffer.data(), static_cast<int>(date.year()), 4);
  *out++ = '-';
  out = put_padded(out, static_cast<unsigned>(date.month()), 2);
  *out++ = '-';
  out = put_padded(out, static_cast<unsigned>(date.day()), 2);
  *out++ = 'T';
  out = put_padded(out, clock.hours().count(), 2);
  *out++ = ':';
  out = put_padded(out, clock.minutes().count(), 2);
  *out++ = ':';
  out = put_padded(out, clock.seconds().count(), 2);
  if (xml || millis != 0) {
    *out++ = '.';
    out = put_padded(out, millis, 3);
  }
  std::string_view zone = xml ? "Z" : millis != 0 ? "000+00:00" : "+00:00";
  out += zone.copy(out, zone.size());
  return {buffer.data(), static_cast<size_t>(out - buffer.data())};
}

}  // namespace

std::string format_timestamp(Timestamp time) {
  TimestampText buffer;
  return std::string(format(time, false, buffer));
}

std::string_view format_timestamp(Timestamp time, TimestampText& buffer) { return format(time, false, buffer); }

std::string format_timestamp_xml(Timestamp time) {
  TimestampText buffer;
  return std::string(format(time, true, buffer));
}

}  // namespace ec2
