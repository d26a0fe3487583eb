#include "creds_test_util.h"

#include <gtest/gtest.h>

namespace ec2::emu::testing {

std::string test_accounts_yaml() {
  return R"(accounts:
  - id: "111111111111"
    alias: dev
    seed: true
    users:
      - name: alice
        access_keys:
          - {id: AKIAALICE00000000001, secret: alice/secret/key/0000000000000000000001}
        mfa: {secret: JBSWY3DPEHPK3PXP}
    roles:
      - name: admin
        mfa_required: true
        max_session_duration: 7200
        trust: {users: ["arn:aws:iam::111111111111:user/alice"], sso_permission_sets: [Admin]}
      - name: ci
        trust: {web_identity: ["https://issuer.test"]}
      - name: web
    instance_profiles:
      - {name: web-profile, role: web}
  - id: "222222222222"
    alias: prod
    seed: true
    users:
      - name: bob
        access_keys:
          - {id: AKIABOB0000000000001, secret: bob/secret/key/000000000000000000000001, read_only: true}
    roles:
      - name: deploy
        external_id: ext-1
        trust: {accounts: ["111111111111"], roles: ["arn:aws:iam::111111111111:role/admin"]}
      - name: auditor
        read_only: true
        trust: {accounts: ["111111111111"]}
      - name: from-sso
        trust: {sso_permission_sets: [ReadOnly]}
web_identity_issuers:
  - {url: "https://issuer.test", audience: sts.amazonaws.com, hs256_secret: issuer-secret}
sso:
  start_url: https://example.awsapps.com/start
  region: eu-west-1
  permission_sets:
    - {name: Admin}
    - {name: ReadOnly, read_only: true, session_duration: 1800}
  users:
    - name: carol
      assignments:
        - {account: "111111111111", permission_sets: [Admin, ReadOnly]}
        - {account: "222222222222", permission_sets: [ReadOnly]}
)";
}

std::unique_ptr<Emulator> accounts_emulator(std::shared_ptr<ManualClock> clock, size_t seeded,
                                            const std::string& state_file) {
  auto accounts = parse_accounts(test_accounts_yaml(), "test.yaml");
  EXPECT_TRUE(accounts.ok()) << (accounts ? "" : accounts.error().message);
  EmulatorOptions options;
  options.clock = std::move(clock);
  options.credentials.add_defaults();
  options.credentials.add_accounts(*accounts);
  options.seeding.instances = seeded;
  options.state_file = state_file;
  options.seeding.accounts = accounts->seeded();
  options.accounts = std::make_shared<const Accounts>(std::move(*accounts));
  auto emulator = std::make_unique<Emulator>(std::move(options));
  EXPECT_TRUE(emulator->start().ok());
  return emulator;
}

HttpCall signed_post(const std::string& form, const Keys& keys, const std::string& service,
                     std::chrono::system_clock::time_point when, const std::string& region) {
  return signed_post(form, {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}, keys, service,
                     when, region);
}

HttpCall signed_post(const std::string& body, const Headers& headers, const Keys& keys, const std::string& service,
                     std::chrono::system_clock::time_point when, const std::string& region) {
  HttpRequest request;
  request.url = "http://127.0.0.1:4566/";
  request.body = body;
  request.headers = headers;
  SigningParams params;
  params.credentials.access_key_id = keys.id;
  params.credentials.secret_access_key = keys.secret;
  params.credentials.session_token = keys.token;
  params.region = region;
  params.service = service;
  params.time = when;
  EXPECT_TRUE(sign_request(request, params).ok());
  HttpCall http;
  http.headers = request.headers;
  http.body = request.body;
  return http;
}

Answer signed_call(Emulator& emulator, ManualClock& clock, const std::string& service, const std::string& form,
                   const Keys& keys, const std::string& region) {
  std::string version = service == "sts" ? "2011-06-15" : "2016-11-15";
  HttpReply reply = emulator.handle(signed_post(form + "&Version=" + version, keys, service, clock.now(), region));
  Answer answer;
  answer.status = reply.status;
  answer.body = reply.body;
  answer.doc.load_string(answer.body.c_str());
  return answer;
}

Keys credentials_of(const Answer& answer) {
  return {answer.text("//Credentials/AccessKeyId"), answer.text("//Credentials/SecretAccessKey"),
          answer.text("//Credentials/SessionToken")};
}

}  // namespace ec2::emu::testing
