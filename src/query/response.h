#pragma once
/// Interpreting Query-protocol HTTP responses (EC2, STS): success documents become parsed XML,
/// everything else an ec2::Error carrying the AWS code, message, HTTP status, request id and
/// category.

#include <string_view>

#include "ec2/error.h"
#include "ec2/http.h"
#include "ec2/query.h"
#include "ec2/result.h"

namespace ec2::query {

/// The request id of a response: the document's RequestID/RequestId, else the
/// `x-amzn-RequestId` / `x-amz-request-id` header, else "".
std::string request_id_of(const pugi::xml_document& document, const Headers& headers);

/// Parses an error response. Understands EC2's `<Response><Errors><Error>...<RequestID>`,
/// the generic Query `<ErrorResponse><Error>...<RequestId>` and a bare `<Error>` root; any other
/// body (an HTML page from a proxy, nothing at all) gives code "<status>" with the HTTP reason
/// phrase and the start of the body as message.
Error parse_error_response(int status, std::string_view body, const Headers& headers);

/// A 2xx response with a well-formed XML body becomes the document (root `<ActionResponse>`),
/// parsed in place: the document takes over the body's text. Any other response becomes an Error
/// (see parse_error_response). A 2xx body that is not XML is a Parse error.
Result<XmlDocument> interpret_response(HttpResponse response);

}  // namespace ec2::query
