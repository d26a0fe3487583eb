#pragma once
/// A Client on a scripted transport, a fake clock and fixed randomness, with the client's own
/// retries off so only the layer's jittered backoff retries.

#include <memory>
#include <string>

#include "client/fake_transport.h"
#include "ec2/client.h"
#include "retry/fake_clock.h"

namespace ec2::testing {

struct VpcLayerFixture {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  Client client = make();

  Client make() {
    ClientOptions options;
    options.config.region = "us-east-1";
    options.config.endpoint_url = "https://ec2.us-east-1.amazonaws.com";
    options.config.credentials.access_key_id = "AKID";
    options.config.credentials.secret_access_key = "SECRET";
    options.transport = transport;
    options.clock = clock;
    options.random = std::make_shared<FakeRandom>(std::vector<double>{0.5});
    options.retry = make_retry_policy(RetryMode::Standard, 1);
    return Client(options);
  }

  /// Queues a successful `<Action>Response>` with `inner` XML.
  void ok(const std::string& action, const std::string& inner = "") {
    transport->push(xml_response(200, "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                                      "<requestId>r-1</requestId>" + inner + "</" + action + "Response>"));
  }
  void error(int status, const std::string& code, const std::string& message = "boom") {
    transport->push(ec2_error(status, code, message));
  }
  /// The Action= of request `i`.
  std::string action(size_t i) const {
    const std::string body = transport->requests().at(i).body;
    auto start = body.find("Action=") + 7;
    return body.substr(start, body.find('&', start) - start);
  }
};

}  // namespace ec2::testing
