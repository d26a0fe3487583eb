#pragma once
// Test helpers for the STS-backed providers: a temporary home with shared files, a fake STS that
// answers AssumeRole / AssumeRoleWithWebIdentity / GetCallerIdentity and records the requests,
// and CredentialServices wired to fakes.

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/temp_dir_test_util.h"
#include "client/fake_transport.h"
#include "ec2/config.h"
#include "ec2/query.h"
#include "retry/fake_clock.h"

namespace ec2::testing {

/// Form parameters of a request body.
inline std::map<std::string, std::string> form(const std::string& body) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    std::string item = body.substr(start, end - start);
    size_t eq = item.find('=');
    if (eq != std::string::npos) out[uri_decode(item.substr(0, eq))] = uri_decode(item.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

/// The access key id of a signed request's Authorization header ("" when unsigned).
inline std::string signing_key_of(const HttpRequest& r) {
  const std::string* auth = find_header(r.headers, "Authorization");
  if (auth == nullptr) return "";
  size_t at = auth->find("Credential=");
  return auth->substr(at + 11, auth->find('/', at) - at - 11);
}

/// A scripted STS: the n-th AssumeRole* answer has keys "ASIA<n>", an hour of validity from the
/// clock's now, and the assumed-role ARN of the requested role and session.
class FakeSts {
 public:
  explicit FakeSts(std::shared_ptr<FakeClock> clock) : clock_(std::move(clock)) {
    transport = std::make_shared<FakeTransport>([this](const HttpRequest& r) { return answer(r); });
  }

  /// Makes every following call fail with this STS error.
  void fail_with(int status, std::string code, std::string message, std::string request_id) {
    error_ = {status, code, message, request_id};
  }
  /// Makes the next `times` calls fail with a throttling error (then answer normally).
  void throttle(int times) { throttled_ = times; }
  std::vector<HttpRequest> requests() const { return transport->requests(); }

  std::shared_ptr<FakeTransport> transport;

 private:
  struct Failure {
    int status = 0;
    std::string code, message, request_id;
  };

  Result<HttpResponse> answer(const HttpRequest& r) {
    if (throttled_-- > 0) {
      return xml_response(400, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message>"
                               "</Error><RequestId>thr</RequestId></ErrorResponse>");
    }
    if (error_.status != 0) {
      return xml_response(error_.status,
                          "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                          "<Code>" + error_.code + "</Code><Message>" + error_.message + "</Message></Error>"
                          "<RequestId>" + error_.request_id + "</RequestId></ErrorResponse>");
    }
    auto params = form(r.body);
    const std::string& action = params["Action"];
    if (action == "GetCallerIdentity") {
      return xml_response(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/"
                               "alice</Arn><UserId>AIDA1</UserId><Account>123456789012</Account>"
                               "</GetCallerIdentityResult><ResponseMetadata><RequestId>id-1</RequestId>"
                               "</ResponseMetadata></GetCallerIdentityResponse>");
    }
    int n = ++calls_;
    std::string role = params["RoleArn"].substr(params["RoleArn"].rfind('/') + 1);
    auto expires = std::chrono::system_clock::to_time_t(clock_->now() + std::chrono::hours(1));
    char when[32];
    std::tm tm{};
    ::gmtime_r(&expires, &tm);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return xml_response(
        200, "<" + action + "Response><" + action + "Result><Credentials><AccessKeyId>ASIA" + std::to_string(n) +
                 "</AccessKeyId><SecretAccessKey>SECRET" + std::to_string(n) + "</SecretAccessKey><SessionToken>TOKEN" +
                 std::to_string(n) + "</SessionToken><Expiration>" + when +
                 "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:" + params["RoleSessionName"] +
                 "</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/" + role + "/" +
                 params["RoleSessionName"] + "</Arn></AssumedRoleUser></" + action +
                 "Result><ResponseMetadata><RequestId>req-" + std::to_string(n) +
                 "</RequestId></ResponseMetadata></" + action + "Response>");
  }

  std::shared_ptr<FakeClock> clock_;
  std::atomic<int> calls_{0};
  std::atomic<int> throttled_{0};
  Failure error_;
};

/// A home folder with ~/.aws files, and resolve_config through a FakeSts.
class StsFixture {
 public:
  StsFixture() : sts(clock) {
    services.transport = [this](const TransportOptions&) -> std::shared_ptr<HttpTransport> { return sts.transport; };
    services.clock = clock;
    services.prompt = [this](const std::string& prompt) -> Result<std::string> {
      prompts.push_back(prompt);
      return std::string("123456");
    };
    services.interactive = [this] { return interactive; };
  }

  void config(const std::string& text) { home.write(".aws/config", text); }
  void credentials(const std::string& text) { home.write(".aws/credentials", text); }

  Result<ResolvedConfig> resolve(std::map<std::string, std::string> vars, std::string profile = "") {
    MapEnvironment env(std::move(vars), home.path());
    ConfigOverrides o;
    if (!profile.empty()) o.profile = profile;
    return resolve_config(o, env, services);
  }

  TempDir home;
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  FakeSts sts;
  CredentialServices services;
  std::vector<std::string> prompts;
  bool interactive = true;
};

}  // namespace ec2::testing
