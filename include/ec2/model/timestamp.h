#pragma once
/// EC2 timestamps: parsed from the ISO-8601 text in responses, printed the way Python's
/// `datetime.isoformat()` prints boto3's timezone-aware values.

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ec2 {

/// A point in time with millisecond precision (EC2 never sends finer).
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

/// Parses `2026-11-25T10:00:00Z`, `2026-11-25T10:00:00.000Z` or an explicit `+hh:mm`/`-hh:mm`
/// offset (also a missing zone, read as UTC). Returns nullopt for anything else.
std::optional<Timestamp> parse_timestamp(std::string_view text);

/// `2026-11-25T10:00:00+00:00`, or `2026-11-25T10:00:00.123000+00:00` when there are
/// milliseconds — always UTC, exactly as boto3's datetime values print with `isoformat()`.
std::string format_timestamp(Timestamp time);

/// Room for any text format_timestamp writes.
using TimestampText = std::array<char, 48>;
/// format_timestamp written into `buffer` (no allocation); the result views `buffer`.
std::string_view format_timestamp(Timestamp time, TimestampText& buffer);

/// `2026-11-25T10:00:00.000Z`, the form EC2 itself writes in XML responses.
std::string format_timestamp_xml(Timestamp time);

}  // namespace ec2
