#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>

#include "ec2/http.h"
#include "http/curl_handles.h"
#include "http/trace.h"

namespace ec2 {
namespace {

using http::CurlShare;
using http::EasyPool;
using http::MultiPool;

/// One request in flight: its response as it arrives and the curl resources it needs.
struct Transfer {
  const HttpRequest* request = nullptr;
  HttpResponse response;
  curl_slist* headers = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  // Read-timeout bookkeeping: whether the connection is up and when bytes last moved.
  std::chrono::milliseconds read_timeout{0};
  bool connected = false;
  std::chrono::steady_clock::time_point last_activity;
  curl_off_t last_down = 0;
  curl_off_t last_up = 0;
  bool read_timed_out = false;

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() { curl_slist_free_all(headers); }
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<Transfer*>(user)->response.body.append(data, size * count);
  return size * count;
}

/// Sizes the body once from Content-Length (a lower bound when the body is gzip-encoded), instead
/// of growing a multi-megabyte page by doubling; at most 64 MiB is reserved up front.
void reserve_body(HttpResponse& response, const std::pair<std::string, std::string>& header) {
  constexpr std::string_view kName = "content-length";
  const std::string& name = header.first;
  if (name.size() != kName.size() ||
      !std::equal(name.begin(), name.end(), kName.begin(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })) {
    return;
  }
  size_t length = 0;
  auto [end, ec] = std::from_chars(header.second.data(), header.second.data() + header.second.size(), length);
  if (ec == std::errc() && length > response.body.capacity()) response.body.reserve(std::min<size_t>(length, 64u << 20));
}

/// Collects `Name: value` header lines; a new status line (after 100-continue or a proxy's
/// CONNECT answer) starts the header list again.
size_t on_header(char* data, size_t size, size_t count, void* user) {
  std::string_view line(data, size * count);
  auto& headers = static_cast<Transfer*>(user)->response.headers;
  if (line.starts_with("HTTP/")) {
    headers.clear();
    return line.size();
  }
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  reserve_body(static_cast<Transfer*>(user)->response, headers.back());
  return size * count;
}

/// Progress callback enforcing the read timeout as the AWS CLI means it: once connected, give up
/// when no byte has been sent or received for `read_timeout`. libcurl calls it at least once a
/// second while a transfer is idle.
int on_progress(void* user, curl_off_t, curl_off_t down, curl_off_t, curl_off_t up) {
  auto& transfer = *static_cast<Transfer*>(user);
  auto now = std::chrono::steady_clock::now();
  if (!transfer.connected || down != transfer.last_down || up != transfer.last_up) {
    transfer.last_down = down;
    transfer.last_up = up;
    transfer.last_activity = now;
    return 0;
  }
  if (now - transfer.last_activity < transfer.read_timeout) return 0;
  transfer.read_timed_out = true;
  return 1;
}

/// Called once the connection (new or reused) is ready, just before the request goes out.
int on_connected(void* user, char*, char*, int, int) {
  auto& transfer = *static_cast<Transfer*>(user);
  transfer.connected = true;
  transfer.last_activity = std::chrono::steady_clock::now();
  return CURL_PREREQFUNC_OK;
}

bool is_tls_error(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CRL_BADFILE:
      return true;
    default:
      return false;
  }
}

/// Turns a failed transfer into Error{Network|Timeout|Config} with curl's explanation.
Error transfer_error(CURLcode code, const Transfer& transfer) {
  std::string detail = transfer.error[0] ? transfer.error : curl_easy_strerror(code);
  std::string where = " on endpoint URL \"" + transfer.request->url + "\": " + detail;
  if (code == CURLE_ABORTED_BY_CALLBACK && transfer.read_timed_out) {
    return make_error(ErrorCategory::Timeout, "ReadTimeout",
                      "Read timeout on endpoint URL \"" + transfer.request->url +
                          "\": nothing received for " +
                          std::to_string(transfer.read_timeout.count()) + " ms");
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    if (!transfer.connected) {
      return make_error(ErrorCategory::Timeout, "ConnectTimeout", "Connect timeout" + where);
    }
    return make_error(ErrorCategory::Timeout, "ReadTimeout", "Read timeout" + where);
  }
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return make_error(ErrorCategory::Network, "EndpointConnectionError",
                        "Could not connect" + where);
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return make_error(ErrorCategory::Config, "InvalidEndpoint", "Invalid endpoint" + where);
    case CURLE_SSL_CACERT_BADFILE:
      return make_error(ErrorCategory::Config, "InvalidCABundle", "Unusable CA bundle" + where);
    default:
      break;
  }
  if (is_tls_error(code))
    return make_error(ErrorCategory::Network, "SSLError", "TLS error" + where);
  return make_error(ErrorCategory::Network, "ConnectionError", "Connection error" + where);
}

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(TransportOptions options) : options_(std::move(options)) {
    http::curl_global_once();
    share_ = std::make_unique<CurlShare>();
    // libcurl reads http_proxy (lowercase only), https_proxy/HTTPS_PROXY, all_proxy and no_proxy
    // itself; the AWS tools also accept HTTP_PROXY, so pass that one on explicitly.
    const char* lower = std::getenv("http_proxy");
    const char* upper = std::getenv("HTTP_PROXY");
    if ((!lower || !*lower) && upper && *upper) http_proxy_fallback_ = upper;
  }

  Result<HttpResponse> send(const HttpRequest& request) override;
  std::vector<Result<HttpResponse>> send_all(const std::vector<HttpRequest>& requests) override;

 private:
  void configure(CURL* easy, Transfer& transfer);
  Result<HttpResponse> finish(CURL* easy, CURLcode code, Transfer& transfer);
  void trace(std::string text) const {
    if (options_.trace) options_.trace(text);
  }

  TransportOptions options_;
  std::string http_proxy_fallback_;
  std::unique_ptr<CurlShare> share_;
  EasyPool easy_pool_;
  MultiPool multi_pool_;
};

void CurlTransport::configure(CURL* easy, Transfer& transfer) {
  const HttpRequest& request = *transfer.request;
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_SHARE, share_->get());
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &on_connected);
  curl_easy_setopt(easy, CURLOPT_PREREQDATA, &transfer);
  if (options_.read_timeout.count() > 0) {
    transfer.read_timeout = options_.read_timeout;
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &on_progress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &transfer);
  }
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
  if (!options_.ca_bundle.empty()) {
    curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_bundle.c_str());
  }
  if (!http_proxy_fallback_.empty() && request.url.starts_with("http://")) {
    curl_easy_setopt(easy, CURLOPT_PROXY, http_proxy_fallback_.c_str());
  }
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error);

  for (const auto& [name, value] : request.headers) {
    std::string line = value.empty() ? name + ";" : name + ": " + value;
    transfer.headers = curl_slist_append(transfer.headers, line.c_str());
  }
  transfer.headers = curl_slist_append(transfer.headers, "Expect:");
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers);

  if (request.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    if (request.method != "POST") {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
  }
  if (options_.trace) trace(http::format_request(request));
}

Result<HttpResponse> CurlTransport::finish(CURL* easy, CURLcode code, Transfer& transfer) {
  if (code != CURLE_OK) {
    Error error = transfer_error(code, transfer);
    trace("! " + error.message);
    return error;
  }
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  transfer.response.status = static_cast<int>(status);
  if (options_.trace) trace(http::format_response(transfer.response));
  return std::move(transfer.response);
}

Result<HttpResponse> CurlTransport::send(const HttpRequest& request) {
  CURL* easy = easy_pool_.acquire();
  if (!easy)
    return make_error(ErrorCategory::Network, "CurlInit", "Could not create a curl handle");
  Transfer transfer;
  transfer.request = &request;
  configure(easy, transfer);
  CURLcode code = curl_easy_perform(easy);
  auto result = finish(easy, code, transfer);
  easy_pool_.release(easy);
  return result;
}

std::vector<Result<HttpResponse>> CurlTransport::send_all(
    const std::vector<HttpRequest>& requests) {
  if (requests.size() <= 1) return HttpTransport::send_all(requests);
  CURLM* multi = multi_pool_.acquire(options_.max_connections);
  if (!multi) return HttpTransport::send_all(requests);

  std::vector<std::unique_ptr<Transfer>> transfers;
  std::vector<CURL*> easies;
  std::vector<std::optional<Result<HttpResponse>>> results(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    transfers.push_back(std::make_unique<Transfer>());
    transfers[i]->request = &requests[i];
    easies.push_back(easy_pool_.acquire());
    if (!easies[i]) {
      results[i] = make_error(ErrorCategory::Network, "CurlInit", "Could not create a curl handle");
      continue;
    }
    configure(easies[i], *transfers[i]);
    curl_easy_setopt(easies[i], CURLOPT_PRIVATE, reinterpret_cast<char*>(i));
    curl_multi_add_handle(multi, easies[i]);
  }

  int running = 1;
  while (running > 0) {
    if (curl_multi_perform(multi, &running) != CURLM_OK) break;
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      char* index = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &index);
      auto i = reinterpret_cast<size_t>(index);
      results[i] = finish(msg->easy_handle, msg->data.result, *transfers[i]);
    }
    if (running > 0) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }

  std::vector<Result<HttpResponse>> out;
  for (size_t i = 0; i < requests.size(); ++i) {
    if (easies[i]) {
      curl_multi_remove_handle(multi, easies[i]);
      easy_pool_.release(easies[i]);
    }
    out.push_back(results[i] ? std::move(*results[i])
                             : make_error(ErrorCategory::Network, "ConnectionError",
                                          "The transfer was abandoned by libcurl"));
  }
  multi_pool_.release(multi);
  return out;
}

}  // namespace

std::unique_ptr<HttpTransport> make_curl_transport(const TransportOptions& options) {
  return std::make_unique<CurlTransport>(options);
}

}  // namespace ec2
