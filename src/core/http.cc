#include "ec2/http.h"

#include <strings.h>

namespace ec2 {

const std::string* find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0) {
      return &value;
    }
  }
  return nullptr;
}

std::vector<Result<HttpResponse>> HttpTransport::send_all(const std::vector<HttpRequest>& requests) {
  std::vector<Result<HttpResponse>> out;
  out.reserve(requests.size());
  for (const auto& request : requests) out.push_back(send(request));
  return out;
}

}  // namespace ec2
