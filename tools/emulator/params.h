#pragma once
/// The parameters of one EC2 Query request, with accessors that apply EC2's flattening rules
/// (`InstanceId.N`, `Filter.N.Name` / `Filter.N.Value.M`, `TagSpecification.N.Tag.M.Key`) and
/// report problems with EC2's error codes and messages.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2::emu {

/// Tags requested for one resource type (`TagSpecification.N`).
struct TagSpecification {
  std::string resource_type;
  Tags tags;
};

/// Decoded request parameters. Keys are case-sensitive, as in EC2.
class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, std::string, std::less<>> values) : values_(std::move(values)) {}

  /// Adds the pairs of an `application/x-www-form-urlencoded` string (later values win).
  void add_form(std::string_view form);
  /// Sets one value.
  void set(std::string key, std::string value) { values_[std::move(key)] = std::move(value); }

  /// The value of `key`, or nullptr.
  const std::string* find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }
  /// The value of `key`, or `fallback`.
  std::string get(std::string_view key, std::string_view fallback = {}) const;

  /// The value of `key`; MissingParameter when absent or empty.
  Result<std::string> required(std::string_view key) const;
  /// Integer value; `fallback` when absent; InvalidParameterValue when malformed or outside
  /// [min, max].
  Result<int64_t> integer(std::string_view key, int64_t fallback, int64_t min = INT64_MIN,
                          int64_t max = INT64_MAX) const;
  /// Integer value or nullopt when absent; InvalidParameterValue when malformed.
  Result<std::optional<int64_t>> optional_integer(std::string_view key) const;
  /// `true` / `false`; `fallback` when absent; InvalidParameterValue otherwise.
  Result<bool> boolean(std::string_view key, bool fallback = false) const;

  /// EC2 list `prefix.1`, `prefix.2`, … in index order (gaps allowed, as EC2 allows).
  std::vector<std::string> list(std::string_view prefix) const;
  /// `Filter.N.Name` + `Filter.N.Value.M`. A filter without a name → MissingParameter.
  Result<Filters> filters(std::string_view prefix = "Filter") const;
  /// `prefix.N.Key` / `prefix.N.Value` (e.g. CreateTags' `Tag`). A tag without Key → MissingParameter.
  Result<Tags> tags(std::string_view prefix = "Tag") const;
  /// Every `TagSpecification.N` (ResourceType required when tags are given).
  Result<std::vector<TagSpecification>> tag_specifications() const;
  /// Tags of the specifications whose ResourceType is `resource_type`, merged.
  Result<Tags> tags_for(std::string_view resource_type) const;

  /// Indices N present under `prefix.N…`, ascending.
  std::vector<int> indices(std::string_view prefix) const;
  /// All key/value pairs, sorted by key (for idempotency comparisons and logs).
  const std::map<std::string, std::string, std::less<>>& values() const { return values_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

/// Decodes `%XX` escapes and `+` (as space) of a form value.
std::string form_decode(std::string_view text);

}  // namespace ec2::emu
