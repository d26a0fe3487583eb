#include "ec2/model/json_builder.h"

namespace ec2 {

void JsonBuilder::begin_object() { open(nlohmann::ordered_json::object()); }

bool JsonBuilder::member(const char* name) {
  if (stack_.size() == 1 && keep_ && !keep_(name)) return false;
  key_ = name;
  return true;
}

void JsonBuilder::end_object() { close(); }
void JsonBuilder::begin_array() { open(nlohmann::ordered_json::array()); }
void JsonBuilder::end_array() { close(); }
void JsonBuilder::string(std::string_view text) { add(std::string(text)); }
void JsonBuilder::integer(int64_t number) { add(number); }
void JsonBuilder::boolean(bool flag) { add(flag); }
void JsonBuilder::timestamp(Timestamp time) { add(format_timestamp(time)); }

void JsonBuilder::add(nlohmann::ordered_json value) {
  if (stack_.empty()) {
    result = std::move(value);
  } else if (stack_.back().first.is_array()) {
    stack_.back().first.push_back(std::move(value));
  } else {
    stack_.back().first[key_] = std::move(value);
  }
}

void JsonBuilder::open(nlohmann::ordered_json value) { stack_.emplace_back(std::move(value), key_); }

void JsonBuilder::close() {
  auto [value, key] = std::move(stack_.back());
  stack_.pop_back();
  key_ = std::move(key);
  add(std::move(value));
}

}  // namespace ec2
