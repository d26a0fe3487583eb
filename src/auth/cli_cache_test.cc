// The AWS CLI's credential cache: botocore's cache keys, its file format, permissions, expiry.
#include "auth/cli_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/temp_dir_test_util.h"

namespace ec2::auth {
namespace {

using namespace std::chrono_literals;

// The expected keys were computed once with botocore 1.43.11 itself (Debian's python3-botocore):
// AssumeRoleCredentialFetcher(...)._cache_key, AssumeRoleWithWebIdentityCredentialFetcher(...)
// ._cache_key and SSOCredentialFetcher(...)._cache_key with the same arguments as below.
constexpr const char* kRole = "arn:aws:iam::123456789012:role/Admin";
constexpr const char* kMfa = "arn:aws:iam::123456789012:mfa/alice";

TEST(CliCacheKey, AssumeRoleWithOnlyTheRole) {
  EXPECT_EQ(assume_role_cache_key({{"RoleArn", kRole}}), "51e7b105b5040ce662656c8dc6ab4de70c4de7ad");
}

TEST(CliCacheKey, AssumeRoleWithEveryArgument) {
  CacheKeyArgs args{{"RoleArn", kRole},       {"RoleSessionName", "ops"},     {"ExternalId", "ext-1"},
                    {"SerialNumber", kMfa},    {"DurationSeconds", 3600LL}};
  EXPECT_EQ(assume_role_cache_key(args), "554e72ae1720408624235c7b1eb35331b91e47d4");
  EXPECT_EQ(assume_role_cache_key({{"RoleArn", kRole}, {"SerialNumber", kMfa}}),
            "f6ee4f1f2e3b86d03f2a2cfc0f0c56c26c32ff64");
}

TEST(CliCacheKey, EscapesLikePythonJson) {
  EXPECT_EQ(assume_role_cache_key({{"RoleArn", kRole}, {"RoleSessionName", "s\xc3\xa9" "ance \"q\"\\"}}),
            "20c9a9f1385e94ba3aae84d4dc6151b97c012c68");
}

TEST(CliCacheKey, WebIdentity) {
  EXPECT_EQ(assume_role_cache_key({{"RoleArn", "arn:aws:iam::123456789012:role/Pod"}}),
            "32da2d65b4179ce244a07d61f03c68c72bb14e7a");
  EXPECT_EQ(assume_role_cache_key({{"RoleArn", "arn:aws:iam::123456789012:role/Pod"}, {"RoleSessionName", "pod-1"}}),
            "f63b28d3ba661d418fa3b17bcbb2bdee341e129c");
}

TEST(CliCacheKey, SsoUsesCompactSeparators) {
  EXPECT_EQ(sso_cache_key({{"accountId", "123456789012"}, {"roleName", "Admin"},
                           {"startUrl", "https://d-123.awsapps.com/start"}}),
            "6898efe139a134a0f1e40a5325c9e4a0f4e25fee");
  EXPECT_EQ(sso_cache_key({{"accountId", "123456789012"}, {"roleName", "Admin"}, {"sessionName", "corp"}}),
            "8457bc68cf9d4aa8d629a61563948e8bd3159d49");
}

class CliCacheTest : public ::testing::Test {
 protected:
  AssumedRole role(std::chrono::system_clock::time_point expires) {
    AssumedRole r;
    r.credentials = Credentials{"ASIAROLE", "SECRET", "TOKEN", "", expires, ""};
    r.arn = "arn:aws:sts::123456789012:assumed-role/Admin/s1";
    r.assumed_role_id = "AROA1:s1";
    r.request_id = "req-1";
    return r;
  }
  std::string dir() const { return tmp_.path() + "/home/.aws/cli/cache"; }
  std::chrono::system_clock::time_point now_ = std::chrono::sys_days{std::chrono::year{2026} / 12 / 7};
  testing::TempDir tmp_;
};

TEST_F(CliCacheTest, WritesBotocoresFormatPrivately) {
  CliCache cache(dir());
  ASSERT_TRUE(cache.store("abc", role(now_ + 3h)).ok());
  std::ifstream in(cache.path("abc"));
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str());
  EXPECT_EQ(doc["Credentials"]["AccessKeyId"], "ASIAROLE");
  EXPECT_EQ(doc["Credentials"]["SecretAccessKey"], "SECRET");
  EXPECT_EQ(doc["Credentials"]["SessionToken"], "TOKEN");
  EXPECT_EQ(doc["Credentials"]["Expiration"], "2026-12-07T03:00:00UTC");
  EXPECT_EQ(doc["AssumedRoleUser"]["Arn"], "arn:aws:sts::123456789012:assumed-role/Admin/s1");
  struct stat file {}, folder {};
  ASSERT_EQ(::stat(cache.path("abc").c_str(), &file), 0);
  ASSERT_EQ(::stat(dir().c_str(), &folder), 0);
  EXPECT_EQ(file.st_mode & 0777, 0600u);
  EXPECT_EQ(folder.st_mode & 0777, 0700u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir()), {}), 1);  // no temporary left
}

TEST_F(CliCacheTest, ReadsBackWhatItWrote) {
  CliCache cache(dir());
  ASSERT_TRUE(cache.store("abc", role(now_ + 3h)).ok());
  auto back = cache.load("abc", now_);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->credentials.access_key_id, "ASIAROLE");
  EXPECT_EQ(back->credentials.session_token, "TOKEN");
  EXPECT_EQ(back->credentials.expiration, now_ + 3h);
  EXPECT_EQ(back->arn, "arn:aws:sts::123456789012:assumed-role/Admin/s1");
}

TEST_F(CliCacheTest, ReadsOtherTimestampForms) {
  CliCache cache(dir());
  tmp_.write("home/.aws/cli/cache/z.json",
             R"({"Credentials": {"AccessKeyId": "A", "SecretAccessKey": "S", "SessionToken": "T",
                 "Expiration": "2026-12-07T02:00:00+00:00"}})");
  auto entry = cache.load("z", now_);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->credentials.expiration, now_ + 2h);
}

TEST_F(CliCacheTest, EntriesWithinTheExpiryWindowAreNotUsed) {
  CliCache cache(dir());
  ASSERT_TRUE(cache.store("soon", role(now_ + 14min)).ok());
  ASSERT_TRUE(cache.store("later", role(now_ + 16min)).ok());
  EXPECT_FALSE(cache.load("soon", now_).has_value());
  EXPECT_TRUE(cache.load("later", now_).has_value());
}

TEST_F(CliCacheTest, MissingOrGarbledEntriesAreAbsent) {
  CliCache cache(dir());
  EXPECT_FALSE(cache.load("none", now_).has_value());
  tmp_.write("home/.aws/cli/cache/bad.json", "{not json");
  EXPECT_FALSE(cache.load("bad", now_).has_value());
  tmp_.write("home/.aws/cli/cache/nokeys.json", R"({"Credentials": {"Expiration": "2030-01-01T00:00:00Z"}})");
  EXPECT_FALSE(cache.load("nokeys", now_).has_value());
}

/// Output of `python3 -c script` (botocore is a test dependency, see scripts/install-deps.sh).
std::string python(const std::string& script) {
  std::string command = "python3 -c '" + script + "' 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  std::string out;
  char buf[256];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

TEST_F(CliCacheTest, BotocoreUsesOurEntryWithoutCallingSts) {
  CliCache cache(dir());
  std::string key = assume_role_cache_key({{"RoleArn", kRole}, {"RoleSessionName", "ops"}, {"SerialNumber", kMfa}});
  ASSERT_TRUE(cache.store(key, role(std::chrono::system_clock::now() + 3h)).ok());
  // botocore's own fetcher, with a client factory that fails if STS were called.
  std::string out = python(
      "from botocore.credentials import AssumeRoleCredentialFetcher\n"
      "from botocore.utils import JSONFileCache\n"
      "def no_sts(*a, **k): raise SystemExit(\"STS was called\")\n"
      "f = AssumeRoleCredentialFetcher(no_sts, None, \"" + std::string(kRole) + "\", "
      "extra_args={\"RoleSessionName\": \"ops\", \"SerialNumber\": \"" + kMfa + "\"}, "
      "mfa_prompter=lambda p: no_sts(), cache=JSONFileCache(\"" + dir() + "\"))\n"
      "c = f.fetch_credentials()\n"
      "print(c[\"access_key\"], c[\"token\"])\n");
  EXPECT_EQ(out, "ASIAROLE TOKEN\n");
}

TEST_F(CliCacheTest, WeUseWhatBotocoreWrote) {
  // botocore's fetcher stores the AssumeRole response of a (stub) STS client in the cache.
  std::string out = python(
      "import datetime\n"
      "from dateutil.tz import tzutc\n"
      "from botocore.credentials import AssumeRoleCredentialFetcher\n"
      "from botocore.utils import JSONFileCache\n"
      "class Sts:\n"
      "  def assume_role(self, **k):\n"
      "    e = datetime.datetime.now(tzutc()) + datetime.timedelta(hours=1)\n"
      "    return {\"Credentials\": {\"AccessKeyId\": \"ASIABOTO\", \"SecretAccessKey\": \"SKB\", "
      "\"SessionToken\": \"TB\", \"Expiration\": e}, \"AssumedRoleUser\": {\"AssumedRoleId\": \"A:x\", "
      "\"Arn\": \"arn:aws:sts::1:assumed-role/Admin/x\"}}\n"
      "class Src:\n"
      "  def get_frozen_credentials(self): return self\n"
      "  access_key = secret_key = token = \"x\"\n"
      "f = AssumeRoleCredentialFetcher(lambda *a, **k: Sts(), Src(), \"" + std::string(kRole) + "\", "
      "extra_args={\"ExternalId\": \"ext-1\", \"DurationSeconds\": 3600}, cache=JSONFileCache(\"" + dir() + "\"))\n"
      "print(f.fetch_credentials()[\"access_key\"])\n");
  ASSERT_EQ(out, "ASIABOTO\n");
  CliCache cache(dir());
  auto entry = cache.load(assume_role_cache_key({{"RoleArn", kRole}, {"ExternalId", "ext-1"}, {"DurationSeconds", 3600LL}}),
                          std::chrono::system_clock::now());
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->credentials.access_key_id, "ASIABOTO");
  EXPECT_EQ(entry->credentials.session_token, "TB");
  EXPECT_EQ(entry->arn, "arn:aws:sts::1:assumed-role/Admin/x");
}

TEST(CliCacheDir, UnderHome) {
  MapEnvironment env({}, "/home/alice");
  EXPECT_EQ(cli_cache_dir(env), "/home/alice/.aws/cli/cache");
}

}  // namespace
}  // namespace ec2::auth
