#include "ec2/model/xml.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace ec2 {
namespace {

/// The name of the last element opened at or before `offset` ("" when none).
std::string element_near(std::string_view body, size_t offset) {
  offset = std::min(offset, body.size());
  for (size_t i = offset; i-- > 0;) {
    if (body[i] != '<') continue;
    size_t start = i + 1;
    if (start < body.size() && body[start] == '/') ++start;
    size_t end = start;
    while (end < body.size() && end - start < 128 &&
           (std::isalnum(static_cast<unsigned char>(body[end])) || body[end] == '_' ||
            body[end] == '-' || body[end] == ':' || body[end] == '.')) {
      ++end;
    }
    if (end > start) return std::string(body.substr(start, end - start));
  }
  return "";
}

}  // namespace

Result<std::shared_ptr<const pugi::xml_document>> parse_xml_document(std::string_view body) {
  auto doc = std::make_shared<pugi::xml_document>();
  constexpr unsigned kFlags = pugi::parse_cdata | pugi::parse_escapes;
  pugi::xml_parse_result parsed =
      doc->load_buffer(body.data(), body.size(), kFlags, pugi::encoding_utf8);
  if (!parsed) {
    std::string message = "malformed XML at offset " + std::to_string(parsed.offset) + ": " +
                          parsed.description();
    std::string element = element_near(body, static_cast<size_t>(parsed.offset));
    if (!element.empty()) message += " (in <" + element + ">)";
    return make_error(ErrorCategory::Parse, "MalformedXml", std::move(message));
  }
  if (!doc->document_element()) {
    return make_error(ErrorCategory::Parse, "MalformedXml", "XML document has no root element");
  }
  return std::shared_ptr<const pugi::xml_document>(std::move(doc));
}

Result<pugi::xml_node> response_root(const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  if (!root) {
    return make_error(ErrorCategory::Parse, "MalformedResponse", "response has no root element");
  }
  return root;
}

std::string request_id_of(const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  pugi::xml_node id = root.child("requestId");
  if (!id) id = root.child("RequestId");
  if (!id) id = root.child("RequestID");
  return id.child_value();
}

}  // namespace ec2
