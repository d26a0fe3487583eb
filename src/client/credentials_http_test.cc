// An assumed role end to end over real HTTP: Client::create resolves a role_arn profile, the
// curl transport calls a local STS (AWS_ENDPOINT_URL_STS) signed with the source profile's keys,
// and EC2 calls are signed with the assumed role's keys. Both signatures are verified.
#include <gtest/gtest.h>

#include "auth/temp_dir_test_util.h"
#include "ec2/client.h"
#include "ec2/sigv4.h"
#include "ec2/sts.h"
#include "http/test_server.h"

namespace ec2 {
namespace {

/// "" when `req` is signed for `service` in eu-west-1 by `key`/`secret`, else the reason.
std::string verify(const httplib::Request& req, const std::string& service, const std::string& key,
                   const std::string& secret) {
  Headers headers;
  for (const auto& [name, value] : req.headers) {
    if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT") {
      headers.emplace_back(name, value);
    }
  }
  sigv4::RequestView view{req.method, req.path, "", &headers, req.body};
  auto auth = sigv4::parse_request_authorization(view);
  if (!auth) return to_string(auth.error());
  if (auth->scope.region != "eu-west-1" || auth->scope.service != service || auth->access_key_id != key) {
    return "signed by " + auth->access_key_id + " for " + auth->scope.to_string();
  }
  Status status = sigv4::verify_signature(view, *auth, secret);
  return status ? "" : to_string(status.error());
}

void answer(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "text/xml");
}

class AssumedRoleHttpTest : public ::testing::Test {
 protected:
  AssumedRoleHttpTest() {
    server_.Post("/sts", [this](const httplib::Request& req, httplib::Response& res) {
      ++sts_calls_;
      std::string problem = verify(req, "sts", "AKSOURCE", "SKSOURCE");
      if (!problem.empty()) {
        return answer(res, 403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>" + problem +
                                    "</Message></Error><RequestId>sts-err</RequestId></ErrorResponse>");
      }
      if (req.body.find("Action=GetCallerIdentity") != std::string::npos) {
        return answer(res, 403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not the role"
                                "</Message></Error><RequestId>sts-id</RequestId></ErrorResponse>");
      }
      answer(res, 200,
             "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>"
             "<SecretAccessKey>SKROLE</SecretAccessKey><SessionToken>TOKROLE</SessionToken>"
             "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>"
             "AROA:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/Admin/s</Arn></AssumedRoleUser>"
             "</AssumeRoleResult><ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>"
             "</AssumeRoleResponse>");
    });
    server_.Post("/ec2", [](const httplib::Request& req, httplib::Response& res) {
      std::string problem = verify(req, "ec2", "ASIAROLE", "SKROLE");
      if (!problem.empty() || req.get_header_value("X-Amz-Security-Token") != "TOKROLE") {
        return answer(res, 403, "<Response><Errors><Error><Code>AuthFailure</Code><Message>" + problem +
                                    "</Message></Error></Errors><RequestID>ec2-err</RequestID></Response>");
      }
      answer(res, 200, "<DescribeRegionsResponse><requestId>ok</requestId></DescribeRegionsResponse>");
    });
    home_.write(".aws/config", "[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                               "source_profile = dev\nrole_session_name = s\n");
    home_.write(".aws/credentials", "[dev]\naws_access_key_id = AKSOURCE\naws_secret_access_key = SKSOURCE\n");
  }

  Result<Client> create() {
    MapEnvironment env({{"AWS_ENDPOINT_URL_STS", thread_.url() + "/sts"}}, home_.path());
    ConfigOverrides overrides;
    overrides.profile = "admin";
    overrides.endpoint_url = thread_.url() + "/ec2";
    return Client::create(overrides, env);
  }

  httplib::Server server_;
  testing::ServerThread thread_{server_};
  testing::TempDir home_;
  std::atomic<int> sts_calls_{0};
};

TEST_F(AssumedRoleHttpTest, Ec2CallsAreSignedWithTheAssumedRole) {
  auto client = create();
  ASSERT_TRUE(client) << to_string(client.error());
  EXPECT_EQ(client->config().credentials.identity,
            "assume-role: arn:aws:sts::123456789012:assumed-role/Admin/s, source profile dev");
  auto result = client->call("DescribeRegions", {});
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(sts_calls_.load(), 1);
  // The second run reuses the role from ~/.aws/cli/cache.
  auto again = create();
  ASSERT_TRUE(again) << to_string(again.error());
  EXPECT_EQ(sts_calls_.load(), 1);
}

TEST_F(AssumedRoleHttpTest, GetCallerIdentityGoesToTheStsEndpointWithTheRolesKeys) {
  auto client = create();
  ASSERT_TRUE(client) << to_string(client.error());
  auto id = get_caller_identity(*client);
  ASSERT_FALSE(id.ok());
  // The local STS only accepts the source keys, so the role's keys are refused there.
  EXPECT_EQ(id.error().code, "SignatureDoesNotMatch");
  EXPECT_NE(id.error().message.find("signed by ASIAROLE"), std::string::npos) << id.error().message;
}

}  // namespace
}  // namespace ec2
