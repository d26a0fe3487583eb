// Fuzzes what a server (the emulator) does with an untrusted request: parse the Authorization
// header or presigned query, canonicalise the request and compute the expected signature.
// Input layout: "<authorization header>\n<path>\n<query>\n<header lines...>\n\n<body>".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ec2/sigv4.h"

namespace {

std::string_view next_line(std::string_view& rest) {
  size_t nl = rest.find('\n');
  std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  ec2::Headers headers;
  headers.emplace_back("Authorization", std::string(next_line(rest)));
  std::string_view path = next_line(rest);
  std::string_view query = next_line(rest);
  while (!rest.empty()) {
    std::string_view line = next_line(rest);
    if (line.empty()) break;
    size_t colon = line.find(':');
    headers.emplace_back(std::string(line.substr(0, colon)),
                         colon == std::string_view::npos ? "" : std::string(line.substr(colon + 1)));
  }
  ec2::sigv4::RequestView view{"POST", path, query, &headers, rest};
  (void)ec2::sigv4::canonical_uri(path, true);
  (void)ec2::sigv4::canonical_uri(path, false);
  (void)ec2::sigv4::canonical_query(query);
  auto auth = ec2::sigv4::parse_request_authorization(view);
  if (!auth.ok()) return 0;
  if (auth->signature.size() != 64 || auth->signed_headers.empty()) std::abort();
  auto sig = ec2::sigv4::expected_signature(view, *auth, "secret");
  if (sig.ok() && sig->size() != 64) std::abort();
  return 0;
}
