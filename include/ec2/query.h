#pragma once
/// EC2 Query protocol requests: form parameters with EC2's flattening rules.

#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ec2/types.h"

namespace ec2 {

/// A parsed Query response document. The root element is `<ActionResponse>`.
using XmlDocument = std::shared_ptr<const pugi::xml_document>;

/// The API version every request carries.
inline constexpr std::string_view kApiVersion = "2016-11-15";

/// Ordered form parameters of one request (without Action/Version). Setters return *this.
class QueryParams {
 public:
  using Item = std::pair<std::string, std::string>;

  QueryParams& set(std::string key, std::string value);
  QueryParams& set_bool(std::string key, bool value);  ///< "true" / "false"
  QueryParams& set_int(std::string key, int64_t value);
  /// `prefix.1`, `prefix.2`, ... (EC2 flattened lists, 1-based). Empty lists add nothing.
  QueryParams& set_list(std::string_view prefix, const std::vector<std::string>& values);
  /// `Filter.N.Name`, `Filter.N.Value.M`.
  QueryParams& set_filters(const Filters& filters, std::string_view prefix = "Filter");
  /// `prefix.N.Key`, `prefix.N.Value` (e.g. `Tag` for CreateTags).
  QueryParams& set_tags(std::string_view prefix, const Tags& tags);
  /// `TagSpecification.N.ResourceType`, `TagSpecification.N.Tag.M.Key/Value`.
  QueryParams& add_tag_specification(std::string_view resource_type, const Tags& tags);

  const std::vector<Item>& items() const { return items_; }
  /// Value of `key`, or nullptr.
  const std::string* get(std::string_view key) const;

  /// The form body `Action=...&Version=2016-11-15&k=v...`, percent-encoded per RFC 3986.
  std::string encode(std::string_view action) const;
  /// The same for another service's API version (STS: "2011-06-15").
  std::string encode(std::string_view action, std::string_view version) const;

 private:
  std::vector<Item> items_;
  int tag_specifications_ = 0;
};

/// RFC 3986 percent-encoding (unreserved characters stay; space is %20). Used by SigV4 too.
std::string uri_encode(std::string_view value, bool encode_slash = true);
/// Decodes %XX escapes and, when `plus_is_space`, '+' as space.
std::string uri_decode(std::string_view value, bool plus_is_space = true);

}  // namespace ec2
