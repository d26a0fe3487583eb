// Differential check: the INI reader must agree with the AWS CLI's own reader (botocore's
// raw_config_parse, run through /usr/bin/python3) on success/failure and on every value.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "auth/ini.h"
#include "auth/temp_dir_test_util.h"

namespace ec2::auth {
namespace {

constexpr const char* kAwsCliPython = "/usr/lib/python3/dist-packages/awscli";

const char* const kInputs[] = {
    "[default]\nregion = us-east-1\n",
    "[a]\nK: v\n# c\n; c\nx = y # not a comment\n",
    "[a]\nk = one\n  two\n\n  three\n\nnext = 1\n",
    "[services s]\nec2 =\n  endpoint_url = http://h:1\n  Other = x\n",
    "[a]\ns3 =\n  junk\n",
    "[DEFAULT]\nr = 1\n[a]\n[b]\nr = 2\n",
    "[a]b] tail\nk=v\n[ spaced ]\n",
    "[a]\r\nk = v\r\n[b]\rj = w\r",
    "k = v\n",
    "[a]\nbogus\n",
    "[a]\n[a]\n",
    "[a]\nk = 1\nK = 2\n",
    "[a]\n= v\n",
    "[]\n",
    "[a]\nk = v\xc2\xa0\n\xe3\x80\x80x = 1\n",
    "[a]\ns3 =\n  x = 1\x0cy = 2\n",
    "[a]\ns3 =\n  x = 1\x0cjunk\n",
    "[a]\nk = \xff\n",
    "[a]\nk = 1\n\t\tcont\n  two\n",
    "[a]\nk =\n\n  \n",
    "  [indented]\n  k = v\n    more\n",
    "[a]\nk = v\n  [b]\n",
};

/// botocore's view of each file: a JSON object of sections, or "ERROR".
std::vector<nlohmann::json> botocore_parse(const std::vector<std::string>& paths) {
  std::string cmd = "/usr/bin/python3 -c \"import sys, json\n"
                    "sys.path.insert(0, '" + std::string(kAwsCliPython) + "')\n"
                    "from botocore import configloader\n"
                    "for p in sys.argv[1:]:\n"
                    "  try: r = configloader.raw_config_parse(p)\n"
                    "  except Exception: r = 'ERROR'\n"
                    "  print(json.dumps(r))\"";
  for (const auto& p : paths) cmd += " '" + p + "'";
  std::vector<nlohmann::json> out;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return out;
  std::string text;
  char buf[4096];
  while (size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
  ::pclose(pipe);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

nlohmann::json ours(std::string_view text) {
  auto file = parse_ini(text, "x");
  if (!file) return "ERROR";
  nlohmann::json j = nlohmann::json::object();
  for (const auto& section : file->sections) {
    nlohmann::json& s = j[section.name] = nlohmann::json::object();
    for (const auto& [key, value] : section.values) {
      if (value.is_nested) s[key] = value.nested;
      else s[key] = value.text;
    }
  }
  return j;
}

TEST(IniBotocore, AgreesWithTheAwsCliReader) {
  if (!std::filesystem::exists(kAwsCliPython) || !std::filesystem::exists("/usr/bin/python3")) {
    GTEST_SKIP() << "awscli's botocore is not installed";
  }
  testing::TempDir dir;
  std::vector<std::string> paths;
  for (size_t i = 0; i < std::size(kInputs); ++i) {
    paths.push_back(dir.write("in" + std::to_string(i) + ".ini", kInputs[i]));
  }
  auto reference = botocore_parse(paths);
  ASSERT_EQ(reference.size(), paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(ours(kInputs[i]), reference[i]) << "input: " << nlohmann::json(kInputs[i]).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

}  // namespace
}  // namespace ec2::auth
