#include "output/sorted_json.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace ec2::inventory::aws_ec2 {
namespace {

/// The bytes a JSON string holds as they are: printable ASCII other than `"` and `\`.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x7f; ++c) table[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return table;
}();

constexpr uint64_t kOnes = 0x0101010101010101ull;  ///< 0x01 in every byte of a word.
constexpr uint64_t kHigh = 0x8080808080808080ull;  ///< The top bit of every byte.

/// True when some byte of `word` is below `limit` (at most 0x80), among bytes below 0x80.
constexpr bool has_byte_below(uint64_t word, uint64_t limit) { return ((word - kOnes * limit) & ~word & kHigh) != 0; }
/// True when some byte of `word` equals `byte`.
constexpr bool has_byte(uint64_t word, uint64_t byte) { return has_byte_below(word ^ (kOnes * byte), 1); }

/// True when `text` needs no escaping and is plain ASCII (so it is valid UTF-8 as well). Most
/// strings of an inventory are, so eight bytes are checked at a time.
bool is_plain(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((word & kHigh) != 0 || has_byte_below(word, 0x20) || has_byte(word, '"') || has_byte(word, '\\') ||
        has_byte(word, 0x7f)) {
      return false;
    }
  }
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(),
                     [](char c) { return kPlainByte[static_cast<unsigned char>(c)]; });
}

void append_array(std::string& out, const Json& array, int depth) {
  append_laid_out_array(out, array.size(), depth, [&](size_t i) { append_sorted_json(out, array[i], depth + 1); });
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (is_plain(text)) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void append_sorted_object(std::string& out, std::vector<JsonMember> members, int depth) {
  if (members.empty()) {
    out += "{}";
    return;
  }
  std::sort(members.begin(), members.end(),
            [](const JsonMember& a, const JsonMember& b) { return a.first < b.first; });
  out += '{';
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out += ',';
    append_newline(out, depth + 1);
    append_json_string(out, members[i].first);
    out += ": ";
    append_sorted_json(out, *members[i].second, depth + 1);
  }
  append_newline(out, depth);
  out += '}';
}

void append_sorted_json(std::string& out, const Json& value, int depth) {
  if (value.is_object()) {
    std::vector<JsonMember> members;
    members.reserve(value.size());
    for (const auto& [key, item] : value.items()) members.emplace_back(key, &item);
    append_sorted_object(out, std::move(members), depth);
  } else if (value.is_array()) {
    append_array(out, value, depth);
  } else if (value.is_string()) {
    append_json_string(out, value.get_ref<const std::string&>());
  } else if (value.is_boolean()) {
    out += value.get<bool>() ? "true" : "false";
  } else if (value.is_null()) {
    out += "null";
  } else if (value.is_number_integer()) {
    out += value.is_number_unsigned() ? std::to_string(value.get<uint64_t>()) : std::to_string(value.get<int64_t>());
  } else {
    out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

void append_newline(std::string& out, int depth) {
  out += '\n';
  out.append(static_cast<size_t>(depth) * 4, ' ');
}

}  // namespace ec2::inventory::aws_ec2
