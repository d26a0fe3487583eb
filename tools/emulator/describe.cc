#include "describe.h"

#include <fmt/format.h>

#include "api_error.h"
#include "base64url.h"
#include "ids.h"

namespace ec2::emu {
namespace {

std::string token_checksum(std::string_view kind, std::string_view position) {
  return fmt::format("{:016x}", stable_hash(fmt::format("ec2-emulator|{}|{}", kind, position)));
}

Error bad_token() {
  return client_error("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
}

}  // namespace

bool is_valid_id(std::string_view id, std::string_view prefix) {
  if (id.substr(0, prefix.size()) != prefix) return false;
  std::string_view hex = id.substr(prefix.size());
  if (hex.size() != 8 && hex.size() != 17) return false;
  return hex.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Status check_id_format(std::string_view id, std::string_view prefix, std::string_view code) {
  if (is_valid_id(id, prefix)) return {};
  return client_error(std::string(code), fmt::format("Invalid id: \"{}\" (expecting \"{}...\")", id, prefix));
}

void write_tag_set(XmlWriter& xml, const Tags& tags) {
  if (tags.empty()) {
    xml.empty("tagSet");
    return;
  }
  xml.open("tagSet");
  for (const Tag& tag : tags) xml.open("item").leaf("key", tag.key).leaf("value", tag.value).close();
  xml.close();
}

std::string make_page_token(std::string_view kind, std::string_view position) {
  return base64url_encode(fmt::format("{}|{}|{}", kind, position, token_checksum(kind, position)));
}

Result<std::string> parse_page_token(std::string_view kind, std::string_view token) {
  auto decoded = base64url_decode(token);
  if (!decoded) return bad_token();
  const std::string& plain = *decoded;
  size_t first = plain.find('|');
  size_t last = plain.rfind('|');
  if (first == std::string::npos || first == last) return bad_token();
  std::string position = plain.substr(first + 1, last - first - 1);
  if (plain.substr(0, first) != kind || plain.substr(last + 1) != token_checksum(kind, position)) {
    return bad_token();
  }
  return position;
}

Result<PageRequest> page_request(const Params& params, std::string_view kind, int64_t min, int64_t max) {
  PageRequest page;
  auto max_results = params.optional_integer("MaxResults");
  if (!max_results) return max_results.error();
  if (max_results->has_value()) {
    int64_t value = **max_results;
    if (value < min || value > max) {
      return invalid_value(fmt::format("Value ( {} ) for parameter maxResults is invalid. Expecting a value "
                                       "between {} and {}.", value, min, max));
    }
    page.max_results = value;
  }
  if (const std::string* token = params.find("NextToken"); token && !token->empty()) {
    auto position = parse_page_token(kind, *token);
    if (!position) return position.error();
    page.position = std::move(*position);
  }
  return page;
}

}  // namespace ec2::emu
