#include "sim_clock.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace ec2::emu {
namespace {

bool later(const ScheduledEvent& a, const ScheduledEvent& b) { return a.at > b.at; }

}  // namespace

void Scheduler::schedule(ScheduledEvent event) {
  heap_.push_back(std::move(event));
  std::push_heap(heap_.begin(), heap_.end(), later);
}

bool Scheduler::pop_due(TimePoint now, bool include_expiry, ScheduledEvent& out) {
  if (include_expiry) {
    if (heap_.empty() || heap_.front().at > now) return false;
    std::pop_heap(heap_.begin(), heap_.end(), later);
    out = std::move(heap_.back());
    heap_.pop_back();
    return true;
  }
  // Rare path (complete/advance without expiry): linear scan for the earliest due transition.
  auto best = heap_.end();
  for (auto it = heap_.begin(); it != heap_.end(); ++it) {
    if (!it->expiry && it->at <= now && (best == heap_.end() || it->at < best->at)) best = it;
  }
  if (best == heap_.end()) return false;
  out = std::move(*best);
  heap_.erase(best);
  std::make_heap(heap_.begin(), heap_.end(), later);
  return true;
}

bool Scheduler::pop_any_transition(ScheduledEvent& out) {
  return pop_due(TimePoint::max(), false, out);
}

void Scheduler::assign(std::vector<ScheduledEvent> events) {
  heap_ = std::move(events);
  std::make_heap(heap_.begin(), heap_.end(), later);
}

std::string iso8601(TimePoint t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buffer;
}

bool parse_iso8601(std::string_view text, TimePoint& out) {
  std::tm tm{};
  int millis = 0;
  std::string copy(text);
  int consumed = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return false;
  }
  std::string_view rest = text.substr(consumed);
  if (rest.size() == 5 && rest[0] == '.') millis = std::atoi(std::string(rest.substr(1, 3)).c_str());
  else if (rest != "Z") return false;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  out = std::chrono::system_clock::from_time_t(timegm(&tm)) + std::chrono::milliseconds(millis);
  return true;
}

}  // namespace ec2::emu
