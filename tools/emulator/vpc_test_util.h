#pragma once
/// A World plus the built-in registry behind a Dispatcher, for the VPC, peering, security group and
/// tag tests: send Query strings, read values out of the XML answers, finish transitions.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "dispatcher.h"
#include "registry.h"
#include "world.h"

namespace ec2::emu::testing {

class Emu {
 public:
  Emu() : world_(7), dispatcher_(world_, ActionRegistry::builtin(), "us-east-1") {}

  /// Sends `query` (without Action/Version) as `action` in `region`; returns the reply.
  HttpReply send(std::string_view action, std::string_view query, std::string_view region = "us-east-1") {
    HttpCall http;
    http.headers.push_back({"Host", "ec2." + std::string(region) + ".amazonaws.com"});
    http.body = "Action=" + std::string(action) + "&Version=2016-11-15";
    if (!query.empty()) http.body += "&" + std::string(query);
    return dispatcher_.handle(http);
  }
  /// The body of a successful call (empty string and a test failure otherwise).
  std::string ok(std::string_view action, std::string_view query, std::string_view region = "us-east-1");
  /// The error code of a failed call (empty when it succeeded).
  std::string error(std::string_view action, std::string_view query, std::string_view region = "us-east-1") {
    HttpReply reply = send(action, query, region);
    if (reply.status == 200) return {};
    return first(reply.body, "Code");
  }
  /// Runs every pending transition now.
  void complete() {
    std::lock_guard lock(world_.mutex);
    ActionRegistry::builtin().complete_transitions(world_);
  }
  /// Moves emulated time forward (due events run on the next call).
  void advance(std::chrono::milliseconds d) {
    std::lock_guard lock(world_.mutex);
    world_.clock.advance(d);
  }
  World& world() { return world_; }

  /// Text of the first `<element>` in `xml` (empty when absent).
  static std::string first(std::string_view xml, std::string_view element);
  /// Texts of every `<element>` in `xml`.
  static std::vector<std::string> all(std::string_view xml, std::string_view element);

 private:
  World world_;
  Dispatcher dispatcher_;
};

}  // namespace ec2::emu::testing
