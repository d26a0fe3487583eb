#pragma once
/// Helpers every Describe/Create handler shares: id format checks, `tagSet` output and opaque
/// pagination tokens.

#include <optional>
#include <string>
#include <string_view>

#include "ec2/result.h"
#include "ec2/types.h"
#include "params.h"
#include "xml_writer.h"

namespace ec2::emu {

/// True when `id` is `prefix` followed by 8 or 17 lowercase hex digits.
bool is_valid_id(std::string_view id, std::string_view prefix);
/// `code` (e.g. "InvalidInstanceID.Malformed") with EC2's text
/// `Invalid id: "ID" (expecting "PREFIX...")` when `id` is not well-formed.
Status check_id_format(std::string_view id, std::string_view prefix, std::string_view code);

/// `<tagSet><item><key/><value/></item>…</tagSet>` (an empty `<tagSet/>` when there are none).
void write_tag_set(XmlWriter& xml, const Tags& tags);

/// An opaque NextToken for listing `kind` (e.g. "instances") that resumes at `position`.
std::string make_page_token(std::string_view kind, std::string_view position);
/// The position inside a token made by make_page_token for the same `kind`;
/// 400 InvalidPaginationToken when it is malformed, tampered with or for another listing.
Result<std::string> parse_page_token(std::string_view kind, std::string_view token);

/// Page size and start position of a paginated Describe call.
struct PageRequest {
  std::optional<int64_t> max_results;  ///< Absent: everything in one page.
  std::string position;                ///< From NextToken; empty: from the start.
};
/// Reads `MaxResults` (must lie in [min, max]) and `NextToken` for listing `kind`.
Result<PageRequest> page_request(const Params& params, std::string_view kind, int64_t min, int64_t max);

}  // namespace ec2::emu
