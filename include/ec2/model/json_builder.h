#pragma once
/// A ModelVisitor that rebuilds boto3-shaped ordered JSON from visit events: members in the order
/// visited, timestamps as text. Lets the XML visit (`visit_xml`) render JSON without a model struct
/// (`to_ordered_json_from_xml`), or a tool build the JSON of some members in the same walk that
/// feeds another visitor.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/model/visit.h"

namespace ec2 {

class JsonBuilder final : public ModelVisitor {
 public:
  /// `keep` decides which members of the outermost object are visited (all when empty).
  explicit JsonBuilder(std::function<bool(std::string_view)> keep = {}) : keep_(std::move(keep)) {}

  void begin_object() override;
  bool member(const char* name) override;
  void end_object() override;
  void begin_array() override;
  void end_array() override;
  void string(std::string_view text) override;
  void integer(int64_t number) override;
  void boolean(bool flag) override;
  void timestamp(Timestamp time) override;

  /// The value visited last, once its outermost object or array is closed.
  nlohmann::ordered_json result;

 private:
  void add(nlohmann::ordered_json value);
  void open(nlohmann::ordered_json value);
  void close();

  std::function<bool(std::string_view)> keep_;
  std::string key_;
  std::vector<std::pair<nlohmann::ordered_json, std::string>> stack_;  ///< Open values and their keys.
};

}  // namespace ec2
