#include "output/host_lookup.h"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace ec2::inventory::aws_ec2 {
namespace {

using nlohmann::json;

/// Builds one JSON value from SAX events, as json::parse would.
class ValueBuilder {
 public:
  void key(std::string name) { key_ = std::move(name); }
  void value(json scalar) { (void)place(std::move(scalar)); }
  void open(json empty) { stack_.push_back(place(std::move(empty))); }
  /// Closes the innermost container; true when that completed the value.
  bool close() {
    stack_.pop_back();
    return stack_.empty();
  }
  json& result() { return result_; }

 private:
  json* place(json value) {
    if (stack_.empty()) {
      result_ = std::move(value);
      return &result_;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json& slot = parent[key_];
    slot = std::move(value);
    return &slot;
  }

  json result_ = json::object();
  std::vector<json*> stack_;
  std::string key_;
};

/// Follows the path `_meta` → `hostvars` → host through the document's keys and builds the value
/// found there; stops the parse (returns false) once it is complete.
class HostFinder final : public nlohmann::json_sax<json> {
 public:
  explicit HostFinder(const std::string& host) : path_{"_meta", "hostvars", host} {}

  bool null() override { return scalar(nullptr); }
  bool boolean(bool value) override { return scalar(value); }
  bool number_integer(number_integer_t value) override { return scalar(value); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(value); }
  bool number_float(number_float_t value, const string_t&) override { return scalar(value); }
  bool string(string_t& value) override { return scalar(std::move(value)); }
  bool binary(binary_t& value) override { return scalar(json::binary(std::move(value))); }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    if (capturing_) {
      builder_.key(std::move(name));
    } else {
      next_matches_ = depth_ == matched_ + 1 && matched_ < path_.size() && name == path_[matched_];
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    error_ = "byte " + std::to_string(position) + ": " + error.what();
    return false;
  }

  bool found() const { return done_; }
  const std::optional<std::string>& error() const { return error_; }
  json& result() { return builder_.result(); }

 private:
  bool scalar(json value) {
    if (capturing_) builder_.value(std::move(value));
    next_matches_ = false;
    return true;
  }
  bool open(json empty) {
    ++depth_;
    if (!capturing_ && next_matches_ && ++matched_ == path_.size()) capturing_ = true;
    next_matches_ = false;
    if (capturing_) builder_.open(std::move(empty));
    return true;
  }
  bool close() {
    if (!capturing_ && matched_ > 0 && depth_ == matched_ + 1) --matched_;  // left a container of the path
    --depth_;
    if (capturing_ && builder_.close()) {
      done_ = true;
      return false;  // the host's variables are complete: nothing after them is needed
    }
    return true;
  }

  std::array<std::string, 3> path_;
  size_t depth_ = 0;    ///< Containers open.
  size_t matched_ = 0;  ///< Leading keys of the path matched by the open containers.
  bool next_matches_ = false;
  bool capturing_ = false;
  bool done_ = false;
  ValueBuilder builder_;
  std::optional<std::string> error_;
};

}  // namespace

Result<json> host_variables(std::istream& list, const std::string& host) {
  HostFinder finder(host);
  json::sax_parse(list, &finder);
  if (finder.found()) return std::move(finder.result());
  if (finder.error()) {
    return make_error(ErrorCategory::Parse, "MalformedInventory", "the inventory text is not JSON at " + *finder.error());
  }
  return json::object();
}

}  // namespace ec2::inventory::aws_ec2
