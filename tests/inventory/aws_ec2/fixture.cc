#include "fixture.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <sys/wait.h>

namespace ec2::inventory::aws_ec2::testing {

std::vector<InstanceRecord> fixture_records(const nlohmann::json& fixture) {
  std::vector<InstanceRecord> records;
  for (const auto& [region, reservations] : fixture.at("regions").items()) {
    for (const auto& r : reservations) {
      for (const auto& instance : r.at("Instances")) {
        records.push_back(InstanceRecord{region, instance, r.value("OwnerId", ""), r.value("RequesterId", ""),
                                         r.value("ReservationId", ""), nullptr, "", {}, {}, nullptr});
      }
    }
  }
  return records;
}

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return nlohmann::json::parse(in);
}

std::string run_command(const std::string& command, int* status) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  int rc = pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

}  // namespace ec2::inventory::aws_ec2::testing
