#pragma once
/// Helpers for the emulator's unit tests: drive an Emulator in-process and read its XML answers.

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "emulator.h"

namespace ec2::emu::testing {

/// Real time that only moves when told to (so tests never sleep).
class ManualClock final : public ec2::Clock {
 public:
  std::chrono::system_clock::time_point now() override { return now_; }
  void sleep(std::chrono::milliseconds d) override { now_ += d; }
  void advance(std::chrono::milliseconds d) { now_ += d; }

 private:
  std::chrono::system_clock::time_point now_ = std::chrono::system_clock::from_time_t(1750000000);
};

/// An emulator without authentication on `clock` with `seeded` instances in us-east-1.
inline EmulatorOptions quiet_options(std::shared_ptr<ManualClock> clock, size_t seeded = 0) {
  EmulatorOptions options;
  options.authenticate = false;
  options.seeding.instances = seeded;
  options.clock = std::move(clock);
  return options;
}

/// Status and parsed body of one answer.
struct Answer {
  int status = 0;
  std::string body;
  pugi::xml_document doc;
  /// Text of the first element reached by XPath `path` (e.g. "//instanceState/name").
  std::string text(const char* path) const { return doc.select_node(path).node().text().as_string(); }
  /// Texts of every element matching `path`.
  std::vector<std::string> texts(const char* path) const {
    std::vector<std::string> out;
    for (auto& node : doc.select_nodes(path)) out.push_back(node.node().text().as_string());
    return out;
  }
  std::string code() const { return text("/Response/Errors/Error/Code"); }
};

/// Sends `form` (without Version) as a POST to `/`.
inline Answer call(Emulator& emulator, const std::string& form) {
  HttpCall http;
  http.body = form + "&Version=2016-11-15";
  HttpReply reply = emulator.handle(http);
  Answer answer;
  answer.status = reply.status;
  answer.body = reply.body;
  answer.doc.load_string(answer.body.c_str());
  return answer;
}

/// Sends a control request.
inline HttpReply control(Emulator& emulator, const std::string& method, const std::string& path,
                         const std::string& query = "", const std::string& body = "") {
  HttpCall http;
  http.method = method;
  http.path = path;
  http.query = query;
  http.body = body;
  return emulator.handle(http);
}

}  // namespace ec2::emu::testing
