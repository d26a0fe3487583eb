#include "ec2/client.h"

#include <gtest/gtest.h>

#include <atomic>

#include "client/fake_transport.h"
#include "retry/fake_clock.h"

namespace ec2 {
namespace {

using std::chrono::milliseconds;
using testing::ec2_error;
using testing::FakeClock;
using testing::FakeRandom;
using testing::FakeTransport;
using testing::xml_response;

const char* const kRegionsXml =
    "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
    "<requestId>r-1</requestId><regionInfo><item><regionName>us-east-1</regionName></item>"
    "</regionInfo></DescribeRegionsResponse>";

class ClientTest : public ::testing::Test {
 protected:
  Client make_client(std::shared_ptr<RetryPolicy> retry = nullptr) {
    ClientOptions options;
    options.config.region = "us-east-1";
    options.config.endpoint_url = "https://ec2.us-east-1.amazonaws.com";
    options.config.credentials.access_key_id = "AKIDEXAMPLE";
    options.config.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    options.transport = transport_;
    options.clock = clock_;
    options.random = random_;
    options.retry = std::move(retry);
    options.on_retry = [this](const Error& e, int attempt, milliseconds delay) {
      retries_.push_back(e.code + "@" + std::to_string(attempt) + "+" +
                         std::to_string(delay.count()));
    };
    return Client(std::move(options));
  }

  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  std::shared_ptr<FakeRandom> random_ = std::make_shared<FakeRandom>(std::vector<double>{0.5});
  std::vector<std::string> retries_;
};

TEST_F(ClientTest, SendsSignedFormPostAndParsesResponse) {
  transport_->push(xml_response(200, kRegionsXml));
  QueryParams params;
  params.set_list("RegionName", {"us-east-1"});
  auto result = make_client().call("DescribeRegions", params);
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_STREQ((*result)->document_element().name(), "DescribeRegionsResponse");

  auto requests = transport_->requests();
  ASSERT_EQ(requests.size(), 1u);
  const HttpRequest& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://ec2.us-east-1.amazonaws.com/");
  EXPECT_EQ(r.body, "Action=DescribeRegions&Version=2016-11-15&RegionName.1=us-east-1");
  EXPECT_EQ(*find_header(r.headers, "Content-Type"),
            "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(*find_header(r.headers, "User-Agent"), "ec2-toolkit/0.1.0");
  EXPECT_EQ(*find_header(r.headers, "X-Amz-Date"), "20240101T000000Z");
  const std::string* auth = find_header(r.headers, "Authorization");
  ASSERT_NE(auth, nullptr);
  EXPECT_TRUE(auth->starts_with(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ec2/aws4_request"))
      << *auth;
}

TEST_F(ClientTest, SessionTokenIsSent) {
  transport_->push(xml_response(200, kRegionsXml));
  ClientOptions options;
  options.config.region = "eu-west-1";
  options.config.endpoint_url = "http://127.0.0.1:9999/";
  options.config.credentials.access_key_id = "AKID";
  options.config.credentials.secret_access_key = "SECRET";
  options.config.credentials.session_token = "SESSION";
  options.transport = transport_;
  options.clock = clock_;
  ASSERT_TRUE(Client(options).call("DescribeRegions", {}));
  auto r = transport_->requests().at(0);
  EXPECT_EQ(r.url, "http://127.0.0.1:9999/");
  ASSERT_NE(find_header(r.headers, "X-Amz-Security-Token"), nullptr);
  EXPECT_EQ(*find_header(r.headers, "X-Amz-Security-Token"), "SESSION");
}

TEST_F(ClientTest, ErrorDocumentBecomesError) {
  transport_->push(
      ec2_error(400, "InvalidInstanceID.NotFound", "The instance ID 'i-1' does not exist", "5e1c"));
  auto result = make_client().call("DescribeInstances", QueryParams().set("InstanceId.1", "i-1"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "InvalidInstanceID.NotFound");
  EXPECT_EQ(result.error().request_id, "5e1c");
  EXPECT_EQ(result.error().http_status, 400);
  EXPECT_EQ(result.error().category, ErrorCategory::NotFound);
  EXPECT_EQ(transport_->requests().size(), 1u);  // Not retried.
}

TEST_F(ClientTest, RetriesThrottlingThenSucceedsAndResigns) {
  transport_->push(ec2_error(503, "RequestLimitExceeded", "Request limit exceeded."));
  transport_->push(make_error(ErrorCategory::Network, "ConnectionError", "reset by peer"));
  transport_->push(xml_response(200, kRegionsXml));
  auto retry = std::make_shared<StandardRetry>(StandardRetryOptions{}, random_);
  auto result = make_client(retry).call("DescribeRegions", {});
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(transport_->requests().size(), 3u);
  EXPECT_EQ(clock_->sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(1000)}));
  EXPECT_EQ(retries_,
            (std::vector<std::string>{"RequestLimitExceeded@1+500", "ConnectionError@2+1000"}));
  // The last request was signed after the sleeps, with the clock's new time.
  EXPECT_EQ(*find_header(transport_->requests()[2].headers, "X-Amz-Date"), "20240101T000001Z");
  EXPECT_EQ(retry->available_quota(), 495);  // 10 taken, the last 5 refunded.
}

TEST_F(ClientTest, GivesUpAfterMaxAttempts) {
  for (int i = 0; i < 5; ++i) transport_->push(xml_response(503, "<html>busy</html>"));
  auto result = make_client().call("DescribeRegions", {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "503");
  EXPECT_EQ(transport_->requests().size(), 3u);  // Default: 3 attempts.
}

TEST_F(ClientTest, PerCallPolicyOverridesClientPolicy) {
  transport_->push(ec2_error(400, "InvalidVpcID.NotFound", "no vpc"));
  transport_->push(xml_response(200, kRegionsXml));
  JitteredBackoff jittered({.extra_codes = {"InvalidVpcID.NotFound"}}, random_);
  auto result = make_client().call("DescribeVpcs", {}, &jittered);
  ASSERT_TRUE(result);
  EXPECT_EQ(clock_->sleeps(), std::vector<milliseconds>{milliseconds(1500)});
}

TEST_F(ClientTest, CallAllUsesSendAllAndRetriesEachCall) {
  auto throttled = std::make_shared<std::atomic<int>>(0);
  auto transport = std::make_shared<FakeTransport>(
      [throttled](const HttpRequest& request) -> Result<HttpResponse> {
        std::string action = request.body.substr(7, 1);  // "Action=X&..."
        if (action == "B" && (*throttled)++ == 0)
          return ec2_error(503, "Throttling", "Rate exceeded");
        if (action == "C") return ec2_error(400, "InvalidParameterValue", "bad");
        return xml_response(200, "<" + action + "Response/>");
      });
  transport_ = transport;
  auto results = make_client().call_all({{"A", {}}, {"B", {}}, {"C", {}}});
  ASSERT_EQ(results.size(), 3u);
  ASSERT_TRUE(results[0]);
  EXPECT_STREQ((*results[0])->document_element().name(), "AResponse");
  ASSERT_TRUE(results[1]) << to_string(results[1].error());
  EXPECT_STREQ((*results[1])->document_element().name(), "BResponse");
  ASSERT_FALSE(results[2]);
  EXPECT_EQ(results[2].error().code, "InvalidParameterValue");
  EXPECT_EQ(transport->batches(), (std::vector<size_t>{3, 1}));
  EXPECT_EQ(clock_->sleeps(), std::vector<milliseconds>{milliseconds(500)});
}

TEST_F(ClientTest, CallAllFansOutOverRegions) {
  auto transport = std::make_shared<FakeTransport>(
      [](const HttpRequest&) -> Result<HttpResponse> { return xml_response(200, kRegionsXml); });
  transport_ = transport;
  auto results = make_client().call_all({{"DescribeInstances", {}, "eu-west-1"},
                                         {"DescribeInstances", {}, ""},
                                         {"DescribeInstances", {}, "cn-north-1"}});
  ASSERT_EQ(results.size(), 3u);
  auto requests = transport->requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].url, "https://ec2.eu-west-1.amazonaws.com/");
  EXPECT_NE(find_header(requests[0].headers, "Authorization")->find("/eu-west-1/ec2/"),
            std::string::npos);
  EXPECT_EQ(requests[1].url, "https://ec2.us-east-1.amazonaws.com/");
  EXPECT_EQ(requests[2].url, "https://ec2.cn-north-1.amazonaws.com.cn/");
}

TEST_F(ClientTest, ForRegionKeepsAnExplicitEndpoint) {
  ClientOptions options;
  options.config.region = "us-east-1";
  options.config.endpoint_url = "http://127.0.0.1:8000";
  options.transport = transport_;
  Client client(options);
  Client other = client.for_region("ap-south-1");
  EXPECT_EQ(other.region(), "ap-south-1");
  EXPECT_EQ(other.config().endpoint_url, "http://127.0.0.1:8000");
  EXPECT_EQ(&other.transport(), &client.transport());
  Client regional = make_client().for_region("eu-central-1");
  EXPECT_EQ(regional.config().endpoint_url, "https://ec2.eu-central-1.amazonaws.com");
}

TEST_F(ClientTest, UnsignedWithoutCredentialsAndUserAgentSuffix) {
  transport_->push(xml_response(200, kRegionsXml));
  ClientOptions options;
  options.config.region = "us-east-1";
  options.config.endpoint_url = "http://localhost:1234/ec2";
  options.transport = transport_;
  options.user_agent_suffix = "ec2-cli/0.1.0";
  ASSERT_TRUE(Client(options).call("DescribeRegions", {}));
  auto r = transport_->requests().at(0);
  EXPECT_EQ(r.url, "http://localhost:1234/ec2");
  EXPECT_EQ(find_header(r.headers, "Authorization"), nullptr);
  EXPECT_EQ(*find_header(r.headers, "User-Agent"), "ec2-toolkit/0.1.0 ec2-cli/0.1.0");
}

/// Hands out "AKROT<n>" on the n-th call, or an error once `fail` is set.
class RotatingProvider final : public CredentialsProvider {
 public:
  Result<Credentials> get() override {
    if (fail) return make_error(ErrorCategory::Auth, "ExpiredToken", "refresh failed");
    return Credentials{"AKROT" + std::to_string(++calls), "SECRET", "TOKEN" + std::to_string(calls), "test", {}, {}};
  }
  std::atomic<int> calls{0};
  std::atomic<bool> fail{false};
};

TEST_F(ClientTest, SignsEveryRequestWithTheProvidersCurrentCredentials) {
  auto provider = std::make_shared<RotatingProvider>();
  ClientOptions options;
  options.config.region = "eu-west-1";
  options.config.endpoint_url = "http://127.0.0.1:9999/";
  options.config.credentials.access_key_id = "AKSNAPSHOT";
  options.config.credentials.secret_access_key = "SECRET";
  options.config.credentials_provider = provider;
  options.transport = transport_;
  options.clock = clock_;
  Client client(options);
  transport_->push(xml_response(200, kRegionsXml));
  transport_->push(xml_response(200, kRegionsXml));
  ASSERT_TRUE(client.call("DescribeRegions", {}));
  ASSERT_TRUE(client.for_region("us-west-2").call("DescribeRegions", {}));
  auto requests = transport_->requests();
  ASSERT_EQ(requests.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    const std::string* auth = find_header(requests[i].headers, "Authorization");
    ASSERT_NE(auth, nullptr);
    EXPECT_NE(auth->find("Credential=AKROT" + std::to_string(i + 1) + "/"), std::string::npos) << *auth;
    EXPECT_EQ(*find_header(requests[i].headers, "X-Amz-Security-Token"), "TOKEN" + std::to_string(i + 1));
  }
  EXPECT_EQ(client.credentials()->access_key_id, "AKROT3");
  provider->fail = true;
  auto failed = client.call("DescribeRegions", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, "ExpiredToken");
  EXPECT_EQ(transport_->requests().size(), 2u);
}

}  // namespace
}  // namespace ec2
