#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "ec2/http.h"
#include "http/test_server.h"

namespace ec2 {
namespace {

using testing::ServerThread;

std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

/// A TCP port that is bound but not listening: connecting to it is refused.
class RefusingPort {
 public:
  RefusingPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~RefusingPort() { close(fd_); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

 private:
  int fd_;
  int port_ = 0;
};

HttpRequest post(const std::string& url, std::string body) {
  HttpRequest r;
  r.url = url;
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
               {"X-Test", "yes"}};
  r.body = std::move(body);
  return r;
}

TEST(CurlTransportTest, PostsBodyAndHeadersAndReturnsAnyStatus) {
  httplib::Server server;
  server.Post("/", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 400;
    res.set_header("X-Amzn-RequestId", "req-1");
    res.set_content(req.body + "|" + req.get_header_value("Content-Type") + "|" +
                        req.get_header_value("X-Test") + "|" +
                        req.get_header_value("Accept-Encoding"),
                    "text/plain");
  });
  ServerThread thread(server);
  auto transport = make_curl_transport();
  auto result =
      transport->send(post(thread.url() + "/", "Action=DescribeRegions&Version=2016-11-15"));
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(result->body,
            "Action=DescribeRegions&Version=2016-11-15|application/x-www-form-urlencoded; "
            "charset=utf-8|yes|gzip");
  ASSERT_NE(find_header(result->headers, "x-amzn-requestid"), nullptr);
  EXPECT_EQ(*find_header(result->headers, "x-amzn-requestid"), "req-1");
}

TEST(CurlTransportTest, GetAndOtherMethods) {
  httplib::Server server;
  server.Get("/ip", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("203.0.113.7\n" + req.body, "text/plain");
  });
  server.Delete("/thing", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 204;
    res.set_header("X-Body", req.body);
  });
  ServerThread thread(server);
  auto transport = make_curl_transport();
  HttpRequest get;
  get.method = "GET";
  get.url = thread.url() + "/ip";
  auto ip = transport->send(get);
  ASSERT_TRUE(ip) << to_string(ip.error());
  EXPECT_EQ(ip->body, "203.0.113.7\n");
  HttpRequest del;
  del.method = "DELETE";
  del.url = thread.url() + "/thing";
  del.body = "x=1";
  auto deleted = transport->send(del);
  ASSERT_TRUE(deleted) << to_string(deleted.error());
  EXPECT_EQ(deleted->status, 204);
  EXPECT_EQ(*find_header(deleted->headers, "X-Body"), "x=1");
}

TEST(CurlTransportTest, DecompressesGzipBodies) {
  std::string xml = "<DescribeRegionsResponse>";
  for (int i = 0; i < 200; ++i)
    xml += "<item><regionName>r" + std::to_string(i) + "</regionName></item>";
  xml += "</DescribeRegionsResponse>";
  httplib::Server server;
  server.Post("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(gzip(xml), "application/octet-stream");
  });
  ServerThread thread(server);
  auto result = make_curl_transport()->send(post(thread.url() + "/", "x=1"));
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, xml);
}

TEST(CurlTransportTest, ReusesTheConnection) {
  httplib::Server server;
  server.Post("/", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::to_string(req.remote_port), "text/plain");
  });
  ServerThread thread(server);
  auto transport = make_curl_transport();
  auto first = transport->send(post(thread.url() + "/", "a=1"));
  auto second = transport->send(post(thread.url() + "/", "a=2"));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, second->body);  // Same client port: same TCP connection.
}

TEST(CurlTransportTest, ConnectionRefusedIsANetworkError) {
  RefusingPort port;
  auto result = make_curl_transport()->send(post(port.url(), "a=1"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().category, ErrorCategory::Network);
  EXPECT_EQ(result.error().code, "EndpointConnectionError");
  EXPECT_NE(result.error().message.find(port.url()), std::string::npos) << result.error().message;
  EXPECT_TRUE(result.error().retryable());
}

TEST(CurlTransportTest, SilentServerIsAReadTimeout) {
  std::mutex mutex;
  std::condition_variable cv;
  bool release = false;
  httplib::Server server;
  server.Post("/", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock lock(mutex);
    cv.wait_for(lock, std::chrono::seconds(30), [&] { return release; });
    res.set_content("late", "text/plain");
  });
  ServerThread thread(server);
  TransportOptions options;
  options.read_timeout = std::chrono::milliseconds(1000);
  auto result = make_curl_transport(options)->send(post(thread.url() + "/", "a=1"));
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  cv.notify_all();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().category, ErrorCategory::Timeout);
  EXPECT_EQ(result.error().code, "ReadTimeout");
}

TEST(CurlTransportTest, ReadTimeoutAlsoAppliesOnAReusedConnection) {
  std::mutex mutex;
  std::condition_variable cv;
  bool release = false;
  int seen = 0;
  httplib::Server server;
  server.Post("/", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock lock(mutex);
    if (seen++ > 0) cv.wait_for(lock, std::chrono::seconds(30), [&] { return release; });
    res.set_content("ok", "text/plain");
  });
  ServerThread thread(server);
  TransportOptions options;
  options.read_timeout = std::chrono::milliseconds(1000);
  auto transport = make_curl_transport(options);
  auto first = transport->send(post(thread.url() + "/", "a=1"));
  auto second = transport->send(post(thread.url() + "/", "a=2"));
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  cv.notify_all();
  ASSERT_TRUE(first);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, "ReadTimeout");
}

TEST(CurlTransportTest, SlowButSteadyResponseIsNotATimeout) {
  httplib::Server server;
  server.Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [](size_t offset, httplib::DataSink& sink) {
      if (offset >= 6) {
        sink.done();
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      sink.write("ab", 2);
      return true;
    });
  });
  ServerThread thread(server);
  TransportOptions options;
  options.read_timeout = std::chrono::milliseconds(1000);
  auto result = make_curl_transport(options)->send(post(thread.url() + "/", "a=1"));
  ASSERT_TRUE(result) << to_string(result.error());
  EXPECT_EQ(result->body, "ababab");
}

TEST(CurlTransportTest, SendAllRunsRequestsConcurrentlyInOrder) {
  constexpr int kRequests = 4;
  std::mutex mutex;
  std::condition_variable cv;
  int in_flight = 0;
  int max_in_flight = 0;
  httplib::Server server;
  server.Post("/", [&](const httplib::Request& req, httplib::Response& res) {
    std::unique_lock lock(mutex);
    max_in_flight = std::max(max_in_flight, ++in_flight);
    cv.notify_all();
    // Answer only once every request has arrived (or after a generous safety limit).
    cv.wait_for(lock, std::chrono::seconds(20), [&] { return max_in_flight == kRequests; });
    --in_flight;
    res.set_content("echo " + req.body, "text/plain");
  });
  ServerThread thread(server);
  RefusingPort refused;
  std::vector<HttpRequest> requests;
  for (int i = 0; i < kRequests; ++i)
    requests.push_back(post(thread.url() + "/", std::to_string(i)));
  requests.push_back(post(refused.url(), "x"));
  auto results = make_curl_transport()->send_all(requests);
  ASSERT_EQ(results.size(), requests.size());
  for (int i = 0; i < kRequests; ++i) {
    ASSERT_TRUE(results[i]) << to_string(results[i].error());
    EXPECT_EQ(results[i]->body, "echo " + std::to_string(i));
  }
  ASSERT_FALSE(results[kRequests]);
  EXPECT_EQ(results[kRequests].error().category, ErrorCategory::Network);
  EXPECT_EQ(max_in_flight, kRequests);
}

TEST(CurlTransportTest, SendIsSafeFromManyThreads) {
  httplib::Server server;
  server.Post("/", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.body, "text/plain");
  });
  ServerThread thread(server);
  auto transport = make_curl_transport();
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        std::string body = std::to_string(t) + "-" + std::to_string(i);
        auto r = transport->send(post(thread.url() + "/", body));
        if (r && r->body == body) ++good;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 120);
}

TEST(CurlTransportTest, TraceShowsRequestAndResponseWithSecretsRedacted) {
  httplib::Server server;
  server.Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<CreateKeyPairResponse><keyMaterial>-----BEGIN PRIVATE</keyMaterial>"
        "</CreateKeyPairResponse>",
        "text/xml");
  });
  ServerThread thread(server);
  std::string trace;
  TransportOptions options;
  options.trace = [&](std::string_view text) { trace += std::string(text) + "\n"; };
  HttpRequest request = post(thread.url() + "/", "Action=CreateKeyPair&KeyName=k");
  request.headers.emplace_back("Authorization",
                               "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ec2/"
                               "aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef");
  request.headers.emplace_back("X-Amz-Security-Token", "SESSIONSECRET");
  ASSERT_TRUE(make_curl_transport(options)->send(request));
  EXPECT_NE(trace.find("> POST " + thread.url() + "/"), std::string::npos) << trace;
  EXPECT_NE(trace.find("> Action=CreateKeyPair&KeyName=k"), std::string::npos) << trace;
  EXPECT_NE(trace.find("< 200"), std::string::npos) << trace;
  EXPECT_NE(trace.find("Credential=AKIDEXAMPLE/20240101"), std::string::npos) << trace;
  EXPECT_EQ(trace.find("deadbeef"), std::string::npos) << trace;
  EXPECT_EQ(trace.find("SESSIONSECRET"), std::string::npos) << trace;
  EXPECT_EQ(trace.find("BEGIN PRIVATE"), std::string::npos) << trace;
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ec2-tls-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    ASSERT_TRUE(testing::write_self_signed_certificate(cert_, key_));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string cert_;
  std::string key_;
};

TEST_F(TlsTest, VerifiesCertificatesAndHonoursCaBundle) {
  httplib::SSLServer server(cert_.c_str(), key_.c_str());
  ASSERT_TRUE(server.is_valid());
  server.Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("secure", "text/plain");
  });
  ServerThread thread(server);

  auto untrusted = make_curl_transport()->send(post(thread.url("https") + "/", "a=1"));
  ASSERT_FALSE(untrusted);
  EXPECT_EQ(untrusted.error().category, ErrorCategory::Network);
  EXPECT_EQ(untrusted.error().code, "SSLError");

  TransportOptions options;
  options.ca_bundle = cert_;
  auto trusted = make_curl_transport(options)->send(post(thread.url("https") + "/", "a=1"));
  ASSERT_TRUE(trusted) << to_string(trusted.error());
  EXPECT_EQ(trusted->body, "secure");

  options.ca_bundle = (dir_ / "missing.pem").string();
  auto missing = make_curl_transport(options)->send(post(thread.url("https") + "/", "a=1"));
  ASSERT_FALSE(missing);
  EXPECT_FALSE(missing.error().retryable()) << to_string(missing.error());
}

/// Sets environment variables for the lifetime of the object.
class ScopedEnv {
 public:
  explicit ScopedEnv(std::vector<std::pair<std::string, std::string>> vars)
      : vars_(std::move(vars)) {
    for (const auto& [k, v] : vars_) setenv(k.c_str(), v.c_str(), 1);
  }
  ~ScopedEnv() {
    for (const auto& [k, v] : vars_) unsetenv(k.c_str());
  }

 private:
  std::vector<std::pair<std::string, std::string>> vars_;
};

TEST(CurlProxyTest, UsesProxyFromEnvironmentUnlessNoProxyMatches) {
  httplib::Server proxy;
  proxy.Post(".*", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("via proxy for " + req.get_header_value("Host"), "text/plain");
  });
  ServerThread thread(proxy);
  for (const char* var : {"http_proxy", "HTTP_PROXY"}) {
    ScopedEnv env({{var, thread.url()}});
    auto result = make_curl_transport()->send(post("http://ec2.example.invalid/", "a=1"));
    ASSERT_TRUE(result) << var << ": " << to_string(result.error());
    EXPECT_EQ(result->body, "via proxy for ec2.example.invalid") << var;
  }
  ScopedEnv env({{"http_proxy", thread.url()}, {"no_proxy", "ec2.example.invalid"}});
  auto direct = make_curl_transport()->send(post("http://ec2.example.invalid/", "a=1"));
  ASSERT_FALSE(direct);
  EXPECT_EQ(direct.error().category, ErrorCategory::Network);
}

}  // namespace
}  // namespace ec2
