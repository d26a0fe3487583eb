#include "checkip.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

/// Answers every request with a fixed response (or error) and records the request.
class FixedTransport final : public HttpTransport {
 public:
  explicit FixedTransport(Result<HttpResponse> answer) : answer_(std::move(answer)) {}
  Result<HttpResponse> send(const HttpRequest& request) override {
    last = request;
    return answer_;
  }
  HttpRequest last;

 private:
  Result<HttpResponse> answer_;
};

class Env final : public Environment {
 public:
  explicit Env(std::optional<std::string> url) : url_(std::move(url)) {}
  std::optional<std::string> get(std::string_view name) const override {
    return name == "EC2_CHECKIP_URL" ? url_ : std::nullopt;
  }
  std::string home() const override { return "/"; }

 private:
  std::optional<std::string> url_;
};

TEST(CheckIp, UrlFromEnvironmentOrDefault) {
  EXPECT_EQ(check_ip_url(Env(std::nullopt)), "https://checkip.amazonaws.com");
  EXPECT_EQ(check_ip_url(Env("http://127.0.0.1:9/ip")), "http://127.0.0.1:9/ip");
}

TEST(CheckIp, ReturnsSlash32OfTheAnswer) {
  FixedTransport t(HttpResponse{200, {}, "203.0.113.7\n"});
  auto cidr = caller_cidr(t, "http://x/");
  ASSERT_TRUE(cidr);
  EXPECT_EQ(*cidr, "203.0.113.7/32");
  EXPECT_EQ(t.last.method, "GET");
  EXPECT_EQ(t.last.url, "http://x/");
}

TEST(CheckIp, BadAnswersSuggestSshCidr) {
  FixedTransport html(HttpResponse{200, {}, "<html>hi</html>"});
  FixedTransport status(HttpResponse{503, {}, ""});
  FixedTransport down(make_error(ErrorCategory::Network, "ConnectionRefused", "refused"));
  for (HttpTransport* t : std::initializer_list<HttpTransport*>{&html, &status, &down}) {
    auto cidr = caller_cidr(*t, "http://x/");
    ASSERT_FALSE(cidr);
    EXPECT_EQ(cidr.error().code, "CheckIpFailed");
    EXPECT_NE(cidr.error().message.find("--ssh-cidr"), std::string::npos);
  }
}

}  // namespace
}  // namespace ec2::cli
