#include "query/request.h"

#include <utility>

namespace ec2::query {

HttpRequest form_post(const std::string& endpoint_url, std::string body) {
  HttpRequest request;
  request.method = "POST";
  auto scheme = endpoint_url.find("://");
  size_t host = scheme == std::string::npos ? 0 : scheme + 3;
  bool has_path = endpoint_url.find_first_of("/?#", host) != std::string::npos;
  request.url = has_path ? endpoint_url : endpoint_url + "/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  request.body = std::move(body);
  return request;
}

}  // namespace ec2::query
