#pragma once
/// A scripted HttpTransport for tests: answers come from a handler or a queue of canned
/// responses, and every request is recorded. Thread-safe.

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ec2/credentials.h"
#include "ec2/http.h"

namespace ec2::testing {

class FakeTransport final : public HttpTransport {
 public:
  using Handler = std::function<Result<HttpResponse>(const HttpRequest&)>;

  /// Answers from the queue filled by `push`.
  FakeTransport() = default;
  /// Answers every request with `handler`.
  explicit FakeTransport(Handler handler) : handler_(std::move(handler)) {}

  /// Queues the answer to a later request.
  void push(Result<HttpResponse> answer) {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(answer));
  }

  Result<HttpResponse> send(const HttpRequest& request) override {
    std::unique_lock lock(mutex_);
    requests_.push_back(request);
    if (handler_) {
      lock.unlock();
      return handler_(request);
    }
    if (queue_.empty()) {
      return make_error(ErrorCategory::Network, "NoAnswer",
                        "no canned answer left for the request");
    }
    Result<HttpResponse> answer = std::move(queue_.front());
    queue_.pop_front();
    return answer;
  }

  std::vector<Result<HttpResponse>> send_all(const std::vector<HttpRequest>& requests) override {
    {
      std::lock_guard lock(mutex_);
      batches_.push_back(requests.size());
    }
    return HttpTransport::send_all(requests);
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  /// Sizes of the batches passed to send_all, in order.
  std::vector<size_t> batches() const {
    std::lock_guard lock(mutex_);
    return batches_;
  }

 private:
  mutable std::mutex mutex_;
  Handler handler_;
  std::deque<Result<HttpResponse>> queue_;
  std::vector<HttpRequest> requests_;
  std::vector<size_t> batches_;
};

/// A transport factory handing out one fake transport and remembering the options it was asked
/// for, for providers that make their own transport (instance metadata, container credentials).
struct RecordingFactory {
  explicit RecordingFactory(std::shared_ptr<FakeTransport> t) : transport(std::move(t)) {}
  std::shared_ptr<FakeTransport> transport;
  std::vector<TransportOptions> made;
  TransportFactory make() {
    return [this](const TransportOptions& o) {
      made.push_back(o);
      return std::static_pointer_cast<HttpTransport>(transport);
    };
  }
};

/// An HTTP response with `status` and `body` (and the content type EC2 uses).
inline HttpResponse xml_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "text/xml;charset=UTF-8"}};
  response.body = std::move(body);
  return response;
}

/// An EC2 error document for `code`/`message` with request id `request_id`.
inline HttpResponse ec2_error(int status, const std::string& code, const std::string& message,
                              const std::string& request_id = "req-err") {
  return xml_response(
      status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code +
                  "</Code><Message>" + message + "</Message></Error></Errors><RequestID>" +
                  request_id + "</RequestID></Response>");
}

}  // namespace ec2::testing
