// aws_ec2.yml scalars read as PyYAML (YAML 1.1) reads them. The expected types and str() values
// were taken from Debian's python3-yaml (yaml.safe_load("v: <scalar>")).

#include "config/yaml_values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ec2::inventory::aws_ec2 {
namespace {

struct ScalarCase {
  std::string text;
  ScalarType type;
  std::string str;
};

TEST(YamlValuesTest, PlainScalarsGetPyYamlsTypesAndStrings) {
  const std::vector<ScalarCase> cases = {
      {"yes", ScalarType::Bool, "True"},
      {"No", ScalarType::Bool, "False"},
      {"ON", ScalarType::Bool, "True"},
      {"off", ScalarType::Bool, "False"},
      {"TRUE", ScalarType::Bool, "True"},
      {"Off", ScalarType::Bool, "False"},
      {"fAlse", ScalarType::String, "fAlse"},
      {"y", ScalarType::String, "y"},
      {"n", ScalarType::String, "n"},
      {"0x1F", ScalarType::Int, "31"},
      {"-0x1f", ScalarType::Int, "-31"},
      {"0b101", ScalarType::Int, "5"},
      {"017", ScalarType::Int, "15"},
      {"1_000", ScalarType::Int, "1000"},
      {"-5", ScalarType::Int, "-5"},
      {"+3", ScalarType::Int, "3"},
      {"0", ScalarType::Int, "0"},
      {"08", ScalarType::String, "08"},
      {"1.5", ScalarType::Float, "1.5"},
      {".5", ScalarType::Float, "0.5"},
      {"1.", ScalarType::Float, "1.0"},
      {"-.inf", ScalarType::Float, "-inf"},
      {".NaN", ScalarType::Float, "nan"},
      {"6.8523015e+5", ScalarType::Float, "685230.15"},
      {"1e3", ScalarType::String, "1e3"},
      {"+.5e-3", ScalarType::String, "+.5e-3"},
      {".", ScalarType::String, "."},
      {"-.5", ScalarType::String, "-.5"},
      {"us-east-1", ScalarType::String, "us-east-1"},
      {"amazon.aws.aws_ec2", ScalarType::String, "amazon.aws.aws_ec2"},
      {"+", ScalarType::String, "+"},
      {"0.0.0.0", ScalarType::String, "0.0.0.0"},
      {"10.0.0.1", ScalarType::String, "10.0.0.1"},
      {".hidden", ScalarType::String, ".hidden"},
      {"1a", ScalarType::String, "1a"},
      {"on-demand", ScalarType::String, "on-demand"},
      {"nothing", ScalarType::String, "nothing"},
      {"t2.micro", ScalarType::String, "t2.micro"},
  };
  for (const ScalarCase& c : cases) {
    YAML::Node node = YAML::Load("v: " + c.text)["v"];
    EXPECT_EQ(scalar_type(node), c.type) << c.text;
    EXPECT_EQ(scalar_str(node), c.str) << c.text;
  }
}

TEST(YamlValuesTest, QuotedAndNullScalars) {
  EXPECT_EQ(scalar_type(YAML::Load("v: 'yes'")["v"]), ScalarType::String);
  EXPECT_EQ(scalar_type(YAML::Load("v: \"017\"")["v"]), ScalarType::String);
  for (const char* text : {"v: ~", "v: null", "v: NULL", "v:"}) {
    EXPECT_EQ(scalar_type(YAML::Load(text)["v"]), ScalarType::Null) << text;
    EXPECT_EQ(scalar_str(YAML::Load(text)["v"]), "None") << text;
  }
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
