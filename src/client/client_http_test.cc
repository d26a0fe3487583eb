// Client end to end: real libcurl transport against a local server that verifies SigV4.
#include <gtest/gtest.h>

#include <atomic>

#include "ec2/client.h"
#include "ec2/sigv4.h"
#include "http/test_server.h"
#include "retry/fake_clock.h"

namespace ec2 {
namespace {

constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// Checks the request's SigV4 signature; returns "" when valid, else the reason.
std::string verify(const httplib::Request& req) {
  Headers headers;
  for (const auto& [name, value] : req.headers) {
    if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" &&
        name != "LOCAL_PORT") {
      headers.emplace_back(name, value);
    }
  }
  auto query_start = req.target.find('?');
  std::string path = req.target.substr(0, query_start);
  std::string query = query_start == std::string::npos ? "" : req.target.substr(query_start + 1);
  sigv4::RequestView view{req.method, path, query, &headers, req.body};
  auto auth = sigv4::parse_request_authorization(view);
  if (!auth) return to_string(auth.error());
  if (auth->scope.region != "us-west-2" || auth->access_key_id != "AKIDEXAMPLE")
    return "wrong scope";
  Status status = sigv4::verify_signature(view, *auth, kSecret);
  return status ? "" : to_string(status.error());
}

class ClientHttpTest : public ::testing::Test {
 protected:
  ClientHttpTest() {
    server_.Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      std::string problem = verify(req);
      if (!problem.empty()) {
        res.status = 403;
        res.set_content("<Response><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>" +
                            problem +
                            "</Message></Error></Errors><RequestID>sig-1</RequestID></Response>",
                        "text/xml");
        return;
      }
      if (req.body.find("Action=Flaky") != std::string::npos && flaky_++ == 0) {
        res.status = 503;
        res.set_content("<html><body>upstream busy</body></html>", "text/html");
        return;
      }
      if (req.body.find("Action=DescribeInstances") != std::string::npos) {
        res.status = 400;
        res.set_content(
            "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The "
            "instance ID 'i-1' does not exist</Message></Error></Errors><RequestID>5e1c"
            "</RequestID></Response>",
            "text/xml");
        return;
      }
      res.set_content("<DescribeRegionsResponse><requestId>ok-1</requestId><body>" + req.body +
                          "</body></DescribeRegionsResponse>",
                      "text/xml");
    });
  }

  Client client() {
    ClientOptions options;
    options.config.region = "us-west-2";
    options.config.endpoint_url = thread_.url();
    options.config.credentials.access_key_id = "AKIDEXAMPLE";
    options.config.credentials.secret_access_key = kSecret;
    options.transport = make_curl_transport();
    options.clock = clock_;
    options.random = std::make_shared<testing::FakeRandom>();
    return Client(std::move(options));
  }

  httplib::Server server_;
  testing::ServerThread thread_{server_};
  std::shared_ptr<testing::FakeClock> clock_ = std::make_shared<testing::FakeClock>();
  std::atomic<int> flaky_{0};
};

TEST_F(ClientHttpTest, SignedCallSucceeds) {
  QueryParams params;
  params.set_filters({{"tag:Name", {"web server", "caf\xc3\xa9"}}});
  auto result = client().call("DescribeRegions", params);
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(std::string((*result)->document_element().child_value("body")),
            "Action=DescribeRegions&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1="
            "web%20server"
            "&Filter.1.Value.2=caf%C3%A9");
}

TEST_F(ClientHttpTest, ErrorDocumentComesBackAsError) {
  auto result = client().call("DescribeInstances", QueryParams().set_list("InstanceId", {"i-1"}));
  ASSERT_FALSE(result);
  EXPECT_EQ(
      to_string(result.error().with_context("describe instances")),
      "Failed to describe instances: InvalidInstanceID.NotFound: The instance ID 'i-1' does not "
      "exist (request 5e1c)");
  EXPECT_EQ(result.error().http_status, 400);
}

TEST_F(ClientHttpTest, ProxyStyle503IsRetried) {
  auto result = client().call("Flaky", {});
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(flaky_.load(), 2);
  EXPECT_EQ(clock_->sleeps().size(), 1u);
}

TEST_F(ClientHttpTest, CallAllOverTheMultiInterface) {
  std::vector<Client::Call> calls;
  for (int i = 0; i < 6; ++i) calls.emplace_back("DescribeRegions", QueryParams().set_int("N", i));
  calls.emplace_back("Flaky");
  auto results = client().call_all(calls);
  ASSERT_EQ(results.size(), calls.size());
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(results[i]) << to_string(results[i].error());
    EXPECT_EQ(std::string((*results[i])->document_element().child_value("body")),
              "Action=DescribeRegions&Version=2016-11-15&N=" + std::to_string(i));
  }
  EXPECT_TRUE(results[6]);
}

}  // namespace
}  // namespace ec2
