#include "query/response.h"

#include <cctype>
#include <string>

namespace ec2::query {
namespace {

/// Longest piece of a non-XML body quoted in an error message.
constexpr size_t kQuotedBodyLimit = 200;

std::string_view reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return status >= 500 ? "Server Error" : "HTTP Error";
  }
}

/// The body squeezed to one line of printable text, cut to a readable length.
std::string quote_body(std::string_view body) {
  std::string out;
  bool space = false;
  for (char c : body) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
    if (out.size() >= kQuotedBodyLimit) {
      out += "...";
      break;
    }
  }
  return out;
}

/// The `<Error>` element of an EC2, Query or bare error document, or an empty node.
pugi::xml_node find_error_element(const pugi::xml_document& document) {
  pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) == "Error") return root;
  if (pugi::xml_node errors = root.child("Errors")) return errors.child("Error");
  return root.child("Error");
}

/// How response bodies are parsed. Element text is kept in the element itself
/// (parse_embed_pcdata) rather than in a child node of its own: a 1,000-instance page then takes
/// about half the memory, and child_value() reads the same.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_embed_pcdata;

/// Parses `body` (a copy of it) into `document`; on failure leaves the document empty.
bool parse_xml(pugi::xml_document& document, std::string_view body) {
  if (document.load_buffer(body.data(), body.size(), kParseOptions, pugi::encoding_utf8) &&
      document.document_element()) {
    return true;
  }
  document.reset();
  return false;
}

/// A document parsed in place from a body it owns: pugixml keeps pointers into the text instead
/// of copying a page that may be megabytes long.
struct OwnedDocument {
  std::string text;
  pugi::xml_document document;

  bool parse() {
    if (document.load_buffer_inplace(text.data(), text.size(), kParseOptions, pugi::encoding_utf8) &&
        document.document_element()) {
      return true;
    }
    document.reset();
    return false;
  }
};

/// The Error of an error reply parsed into `document` (empty when the body is not XML); `quoted`
/// is the body as quote_body gives it, used when there is no `<Error>` element.
Error error_from(int status, const pugi::xml_document& document, const std::string& quoted, const Headers& headers) {
  Error error;
  error.http_status = status;
  pugi::xml_node element = document.document_element() ? find_error_element(document) : pugi::xml_node();
  error.request_id = request_id_of(document, headers);
  if (element && element.child("Code")) {
    error.code = element.child("Code").text().get();
    error.message = element.child("Message").text().get();
  } else {
    error.code = std::to_string(status);
    error.message = std::string(reason_phrase(status));
    if (!quoted.empty()) error.message += " (unexpected response: " + quoted + ")";
  }
  error.category = categorize(error.code, status);
  return error;
}

}  // namespace

std::string request_id_of(const pugi::xml_document& document, const Headers& headers) {
  pugi::xml_node root = document.document_element();
  for (const char* name : {"RequestID", "RequestId", "requestId"}) {
    if (pugi::xml_node id = root.child(name)) return id.text().get();
  }
  for (const char* name : {"x-amzn-RequestId", "x-amz-request-id"}) {
    if (const std::string* id = find_header(headers, name)) return *id;
  }
  return "";
}

Error parse_error_response(int status, std::string_view body, const Headers& headers) {
  pugi::xml_document document;
  parse_xml(document, body);
  return error_from(status, document, quote_body(body), headers);
}

Result<XmlDocument> interpret_response(HttpResponse response) {
  if (response.status < 200 || response.status >= 300) {
    return parse_error_response(response.status, response.body, response.headers);
  }
  auto owned = std::make_shared<OwnedDocument>();
  owned->text = std::move(response.body);
  std::string quoted = quote_body(owned->text);  // parsing in place changes the text
  if (!owned->parse()) {
    Error error = make_error(ErrorCategory::Parse, "MalformedResponse", "The response is not XML: " + quoted);
    error.http_status = response.status;
    error.request_id = request_id_of(owned->document, response.headers);
    return error;
  }
  if (owned->document.document_element().child("Errors")) {
    return error_from(response.status, owned->document, quoted, response.headers);
  }
  return XmlDocument(owned, &owned->document);
}

}  // namespace ec2::query
