#pragma once
/// The filter engine shared by every Describe action. A resource kind declares which filter names it
/// supports and how to read each one's values (`FilterSet<T>`); a request's filters are compiled
/// against it (unknown name → InvalidParameterValue "The filter 'x' is invalid") and then matched:
/// AND across filters, OR across one filter's values, `*` and `?` wildcards.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ec2/result.h"
#include "ec2/types.h"
#include "tag_store.h"

namespace ec2::emu {

/// Glob match: `*` any run (also empty), `?` one (UTF-8) character; `\*`, `\?` and `\\` match
/// literally.
bool wildcard_match(std::string_view pattern, std::string_view text);

/// Receives the values of one field of one resource; returns true to stop early (a value matched).
using EmitValue = std::function<bool(std::string_view)>;

/// The filters a resource kind `T` supports. Build once (static) and reuse.
template <class T>
class FilterSet {
 public:
  /// Produces the values of a field; call `emit` for each one (a list field emits several).
  using Getter = std::function<void(const T&, const EmitValue& emit)>;
  /// Returns the resource's id (used for tag lookups).
  using IdOf = std::function<std::string_view(const T&)>;

  /// Adds filter `name` with a getter that emits any number of values.
  FilterSet& field(std::string name, Getter getter) {
    fields_[std::move(name)] = std::move(getter);
    return *this;
  }
  /// Adds filter `name` whose single value is `get(resource)` (skipped when empty).
  template <class F>
  FilterSet& value(std::string name, F get) {
    return field(std::move(name), [get](const T& r, const EmitValue& emit) {
      std::string_view v = get(r);
      if (!v.empty()) emit(v);
    });
  }
  /// Enables `tag:KEY`, `tag-key` and `tag-value`, reading tags from the TagStore by id.
  FilterSet& with_tags(IdOf id_of) {
    id_of_ = std::move(id_of);
    return *this;
  }

  /// True when `name` is a known filter.
  bool knows(std::string_view name) const {
    if (id_of_ && (name == "tag-key" || name == "tag-value" || name.substr(0, 4) == "tag:")) return true;
    return fields_.find(std::string(name)) != fields_.end();
  }

  /// Checks every filter name; the first unknown one → InvalidParameterValue.
  Status validate(const Filters& filters) const;

  /// True when `resource` passes every filter in `filters` (already validated).
  bool matches(const T& resource, const Filters& filters, const TagStore& tags) const {
    for (const Filter& filter : filters) {
      if (!matches_one(resource, filter, tags)) return false;
    }
    return true;
  }

 private:
  bool matches_one(const T& resource, const Filter& filter, const TagStore& tags) const;

  std::unordered_map<std::string, Getter> fields_;
  IdOf id_of_;
};

/// InvalidParameterValue: "The filter 'NAME' is invalid".
Error unknown_filter(std::string_view name);

/// True when any of `patterns` wildcard-matches `text`.
bool any_matches(const std::vector<std::string>& patterns, std::string_view text);

template <class T>
Status FilterSet<T>::validate(const Filters& filters) const {
  for (const Filter& filter : filters) {
    if (!knows(filter.name)) return unknown_filter(filter.name);
  }
  return {};
}

template <class T>
bool FilterSet<T>::matches_one(const T& resource, const Filter& filter, const TagStore& tags) const {
  if (filter.values.empty()) return true;
  if (id_of_) {
    std::string_view name = filter.name;
    const Tags* own = nullptr;
    if (name == "tag-key" || name == "tag-value" || name.substr(0, 4) == "tag:") own = &tags.of(id_of_(resource));
    if (name == "tag-key" || name == "tag-value") {
      for (const Tag& tag : *own) {
        if (any_matches(filter.values, name == "tag-key" ? tag.key : tag.value)) return true;
      }
      return false;
    }
    if (name.substr(0, 4) == "tag:") {
      std::string_view key = name.substr(4);
      for (const Tag& tag : *own) {
        if (tag.key == key && any_matches(filter.values, tag.value)) return true;
      }
      return false;
    }
  }
  auto it = fields_.find(filter.name);
  if (it == fields_.end()) return false;
  bool matched = false;
  it->second(resource, [&](std::string_view value) {
    matched = any_matches(filter.values, value);
    return matched;
  });
  return matched;
}

}  // namespace ec2::emu
