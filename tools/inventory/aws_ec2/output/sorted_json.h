#pragma once
/// Writes ordered_json values as `ansible-inventory --list` prints them: every object's keys
/// sorted, 4-space indent, UTF-8 kept (invalid bytes replaced). The result is byte for byte what
/// `nlohmann::json(value).dump(4, ' ', false, replace)` gives, without building that sorted copy.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json.h"

namespace ec2::inventory::aws_ec2 {

/// One member of an object being written: its key and value.
using JsonMember = std::pair<std::string_view, const Json*>;

/// Appends `value` at nesting level `depth` (the indent of its closing bracket).
void append_sorted_json(std::string& out, const Json& value, int depth);

/// Appends an object made of `members` (sorted here; keys must be distinct).
void append_sorted_object(std::string& out, std::vector<JsonMember> members, int depth);

/// Appends a line break and the indent of nesting level `depth` (4 spaces a level).
void append_newline(std::string& out, int depth);

/// Appends an array of `count` items at nesting level `depth`, laid out as append_sorted_json lays
/// out arrays; `item(i)` appends item i (at level depth + 1) to `out`.
template <class Item>
void append_laid_out_array(std::string& out, size_t count, int depth, Item&& item) {
  if (count == 0) {
    out += "[]";
    return;
  }
  out += '[';
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ',';
    append_newline(out, depth + 1);
    item(i);
  }
  append_newline(out, depth);
  out += ']';
}

/// Appends `text` as a JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace ec2::inventory::aws_ec2
