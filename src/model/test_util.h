#pragma once
/// Helpers for tests of the model and ops components: fixture files and botocore's own reading of
/// them (the JSON boto3 would return), used as the reference for `to_json`.

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace ec2::testing {

/// Path of a fixture under src/model/testdata.
inline std::string fixture_path(const std::string& name) {
  return std::string(EC2_SOURCE_DIR) + "/src/model/testdata/" + name;
}

/// Contents of a fixture under src/model/testdata ("" when missing).
inline std::string read_fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// What boto3 returns for `operation` given the fixture as response body (ResponseMetadata
/// removed, timestamps as isoformat strings). Null JSON when botocore could not be run.
template <class Json = nlohmann::json>
Json botocore_parse(const std::string& operation, const std::string& fixture) {
  std::string command = "/usr/bin/python3 " + fixture_path("botocore_parse.py") + " " +
                        operation + " " + fixture_path(fixture);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return nullptr;
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  if (pclose(pipe) != 0) return nullptr;
  return Json::parse(output, nullptr, false);
}

/// The member names of EC2 shape `shape` in botocore's service-2.json, with their shape names.
inline nlohmann::json service_shapes() {
  std::ifstream in("/usr/lib/python3/dist-packages/botocore/data/ec2/2016-11-15/service-2.json");
  return nlohmann::json::parse(in, nullptr, false)["shapes"];
}

}  // namespace ec2::testing
