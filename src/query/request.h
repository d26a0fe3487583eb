#pragma once
/// The HTTP request of a Query-protocol call (EC2, STS): the encoded parameters posted as a form.

#include <string>

#include "ec2/http.h"

namespace ec2::query {

/// An unsigned POST of the form-encoded `body` to `endpoint_url`. A URL without a path gets "/",
/// so the request line and the signature agree.
HttpRequest form_post(const std::string& endpoint_url, std::string body);

}  // namespace ec2::query
