// Runs every case of the published SigV4 test suite (read from EC2_SHARED_TESTDATA/sigv4) through
// the signer stage by stage, for both header and query signing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ec2/sigv4.h"

namespace ec2 {
namespace {

namespace fs = std::filesystem;

fs::path suite_dir() { return fs::path(EC2_SHARED_TESTDATA) / "sigv4"; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(suite_dir(), ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "context.json")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// One case folder, loaded.
struct Case {
  HttpRequest request;
  std::string target;  ///< Request target of request.txt (path and query as written).
  SigningParams params;
  long expires = 0;
};

std::chrono::system_clock::time_point parse_timestamp(const std::string& s) {
  std::tm tm{};
  std::istringstream in(s);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

/// Parses request.txt: request line, headers (with folded continuation lines), body.
void parse_request(const std::string& text, Case& c) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) lines.push_back(line);
  const std::string& first = lines.at(0);
  c.request.method = first.substr(0, first.find(' '));
  size_t version = first.rfind(" HTTP/");
  c.target = first.substr(c.request.method.size() + 1, version - c.request.method.size() - 1);
  size_t i = 1;
  for (; i < lines.size() && !lines[i].empty(); ++i) {
    if (lines[i][0] == ' ' || lines[i][0] == '\t') {
      c.request.headers.back().second += "\n" + lines[i];
      continue;
    }
    size_t colon = lines[i].find(':');
    c.request.headers.emplace_back(lines[i].substr(0, colon), lines[i].substr(colon + 1));
  }
  size_t blank = text.find("\n\n");
  if (blank != std::string::npos) c.request.body = text.substr(blank + 2);
  c.request.url = "https://" + *find_header(c.request.headers, "host") + c.target;
}

Case load_case(const std::string& name) {
  Case c;
  fs::path dir = suite_dir() / name;
  auto ctx = nlohmann::json::parse(read_file(dir / "context.json"));
  c.params.credentials.access_key_id = ctx["credentials"]["access_key_id"];
  c.params.credentials.secret_access_key = ctx["credentials"]["secret_access_key"];
  c.params.credentials.session_token = ctx["credentials"].value("token", "");
  c.params.region = ctx["region"];
  c.params.service = ctx["service"];
  c.params.time = parse_timestamp(ctx["timestamp"]);
  c.params.normalize_path = ctx.value("normalize", true);
  c.params.sign_body = ctx.value("sign_body", false);
  c.params.omit_session_token = ctx.value("omit_session_token", false);
  c.expires = ctx.value("expiration_in_seconds", 3600L);
  parse_request(read_file(dir / "request.txt"), c);
  return c;
}

/// Serialises a request the way the suite's *-signed-request.txt files are written.
std::string serialize(const HttpRequest& r) {
  auto url = sigv4::split_url(r.url);
  std::string target(url->path);
  if (size_t q = r.url.find('?'); q != std::string::npos) target += r.url.substr(q);
  std::string out = r.method + " " + target + " HTTP/1.1\n";
  for (const auto& [k, v] : r.headers) out += k + ":" + v + "\n";
  return out + "\n" + r.body;
}

sigv4::RequestView view_of(const HttpRequest& r, std::string_view query) {
  auto url = sigv4::split_url(r.url);
  return sigv4::RequestView{r.method, url->path, query, &r.headers, r.body};
}

/// Removes `key=…` from a query (the session token that was added after signing).
std::string without_param(std::string_view query, std::string_view key) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = std::min(query.find('&', start), query.size());
    std::string_view pair = query.substr(start, amp - start);
    if (!pair.starts_with(std::string(key) + "=")) out += (out.empty() ? "" : "&") + std::string(pair);
    start = amp + 1;
  }
  return out;
}

class SigV4Suite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { c_ = load_case(GetParam()); }
  std::string expected(const std::string& file) { return read_file(suite_dir() / GetParam() / file); }

  /// Signs (header or query), then recomputes each stage from the signed request and compares.
  void check(bool query_signing) {
    const std::string prefix = query_signing ? "query-" : "header-";
    HttpRequest signed_request = c_.request;
    Status st = query_signing
                    ? presign_request(signed_request, c_.params, std::chrono::seconds(c_.expires))
                    : sign_request(signed_request, c_.params);
    ASSERT_TRUE(st.ok()) << to_string(st.error());

    std::string query(sigv4::split_url(signed_request.url)->query);
    auto view = view_of(signed_request, query);
    auto auth = sigv4::parse_request_authorization(view);
    ASSERT_TRUE(auth.ok()) << to_string(auth.error());
    if (query_signing && c_.params.omit_session_token) {
      query = without_param(query, "X-Amz-Security-Token");
      view.query = query;
    }

    auto canonical = sigv4::canonical_request(view, auth->signed_headers,
                                              sigv4::sha256_hex(c_.request.body), c_.params.normalize_path);
    ASSERT_TRUE(canonical.ok()) << to_string(canonical.error());
    EXPECT_EQ(*canonical, expected(prefix + "canonical-request.txt")) << "stage: canonical request";

    // Each following stage starts from the suite's expected input, so a failure names its stage.
    std::string to_sign = sigv4::string_to_sign(auth->amz_date, auth->scope,
                                                expected(prefix + "canonical-request.txt"));
    EXPECT_EQ(to_sign, expected(prefix + "string-to-sign.txt")) << "stage: string to sign";

    auto key = sigv4::derive_signing_key(c_.params.credentials.secret_access_key, auth->scope);
    std::string sig = sigv4::signature(key, expected(prefix + "string-to-sign.txt"));
    EXPECT_EQ(sig, expected(prefix + "signature.txt")) << "stage: signature";
    EXPECT_EQ(auth->signature, expected(prefix + "signature.txt")) << "stage: signature in request";

    EXPECT_EQ(serialize(signed_request), expected(prefix + "signed-request.txt")) << "stage: signed request";
  }

  Case c_;
};

TEST_P(SigV4Suite, HeaderSigning) { check(false); }

TEST_P(SigV4Suite, QuerySigning) { check(true); }

TEST_P(SigV4Suite, VerifierAcceptsHeaderSignedRequest) {
  HttpRequest r = c_.request;
  ASSERT_TRUE(sign_request(r, c_.params).ok());
  std::string query(sigv4::split_url(r.url)->query);
  auto view = view_of(r, query);
  auto auth = sigv4::parse_request_authorization(view);
  ASSERT_TRUE(auth.ok());
  EXPECT_TRUE(sigv4::verify_signature(view, *auth, c_.params.credentials.secret_access_key,
                                      c_.params.normalize_path).ok());
  auto wrong = sigv4::verify_signature(view, *auth, "not-the-secret", c_.params.normalize_path);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "SignatureDoesNotMatch");
}

TEST(SigV4SuiteData, IsPresent) {
  // Guards against silently running zero cases when the shared test data is missing.
  EXPECT_GE(case_names().size(), 30u) << "no SigV4 cases under " << suite_dir();
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

INSTANTIATE_TEST_SUITE_P(Cases, SigV4Suite, ::testing::ValuesIn(case_names()), test_name);

}  // namespace
}  // namespace ec2
