#pragma once
/// Loading EC2 response bodies into pugixml documents, fast and with useful errors.

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "ec2/result.h"

namespace ec2 {

/// Parses `body` (UTF-8 XML). Only the flags EC2 documents need are enabled (escapes and CDATA;
/// no whitespace-only text, no end-of-line normalisation), which keeps parsing fast. A malformed
/// document is Error{Parse, "MalformedXml"} with the offset, pugixml's reason and the element
/// being read there.
Result<std::shared_ptr<const pugi::xml_document>> parse_xml_document(std::string_view body);

/// The document's root element (the `<ActionResponse>`), or Error{Parse} when there is none.
Result<pugi::xml_node> response_root(const pugi::xml_document& doc);

/// Text of `<requestId>` under the response root ("" when missing).
std::string request_id_of(const pugi::xml_document& doc);

}  // namespace ec2
