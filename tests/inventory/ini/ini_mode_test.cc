#include "ini_mode.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cache.h"
#include "test_instances.h"

namespace ec2::inventory {
namespace {

using nlohmann::json;
using testing::tags;
using testing::vpc_instance;

/// Canned instances per region; counts fetches and remembers the last request.
class FakeSource final : public InstanceSource {
 public:
  explicit FakeSource(int& fetches, FetchRequest& last) : fetches_(fetches), last_(last) {}
  Result<std::vector<InstanceRecord>> fetch(const FetchRequest& request) override {
    ++fetches_;
    last_ = request;
    std::vector<InstanceRecord> out;
    for (const std::string& region : request.regions) {
      if (region == "us-east-1") out.push_back(vpc_instance("i-1", tags({{"Name", "a"}})));
      if (region == "eu-west-1") out.push_back(vpc_instance("i-2", json::array(), "54.2.2.2", region));
    }
    return out;
  }
  Result<std::vector<std::string>> describe_regions() override {
    return std::vector<std::string>{"us-east-1", "eu-west-1", "us-gov-west-1"};
  }

 private:
  int& fetches_;
  FetchRequest& last_;
};

/// A fresh directory for each test (not created), removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ec2-inventory-ini-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
};

class IniModeTest : public TempDirTest {
 protected:

  Ec2IniSettings settings(const std::string& text) {
    auto file = parse_ini("ec2.ini", "[ec2]\ncache_path = " + dir_.string() + "\n" + text);
    auto s = read_ec2_ini(*file, "", env_);
    EXPECT_TRUE(s.ok()) << (s ? "" : s.error().message);
    return *s;
  }

  std::string run(const Ec2IniSettings& s, IniRequest request = {}) {
    SourceFactory factory = [&](const SourceSpec& spec) -> Result<std::unique_ptr<InstanceSource>> {
      specs_.push_back(spec);
      return std::unique_ptr<InstanceSource>(std::make_unique<FakeSource>(fetches_, last_));
    };
    auto text = run_ini_mode(s, request, env_, factory);
    EXPECT_TRUE(text.ok()) << (text ? "" : text.error().message);
    return text ? *text : "";
  }

  MapEnvironment env_{{{"AWS_REGION", "eu-west-1"}}, "/home/u"};
  int fetches_ = 0;
  FetchRequest last_;
  std::vector<SourceSpec> specs_;  ///< What each source was opened with.
};

TEST_F(IniModeTest, AllRegionsComeFromDescribeRegionsMinusExcluded) {
  json inventory = json::parse(run(settings("")));
  EXPECT_EQ(last_.regions, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
  EXPECT_EQ(inventory["ec2"], json({"54.1.2.3", "54.2.2.2"}));
}

TEST_F(IniModeTest, AutoUsesTheEnvironmentRegion) {
  run(settings("regions = auto\n"));
  EXPECT_EQ(last_.regions, (std::vector<std::string>{"eu-west-1"}));
}

TEST_F(IniModeTest, CacheIsReusedUntilRefreshed) {
  Ec2IniSettings s = settings("regions = us-east-1\n");
  IniRequest request;
  request.config_text = "[ec2]\nregions = us-east-1\n";
  std::string first = run(s, request);
  std::string second = run(s, request);
  EXPECT_EQ(fetches_, 1);
  EXPECT_EQ(first, second);
  request.refresh_cache = true;
  run(s, request);
  EXPECT_EQ(fetches_, 2);
  request.refresh_cache = false;
  request.config_text += "# changed\n";  // another config: another cache entry
  run(s, request);
  EXPECT_EQ(fetches_, 3);
}

TEST_F(IniModeTest, AnotherIdentityOrEndpointGetsAnotherCacheEntry) {
  Ec2IniSettings s = settings("regions = us-east-1\n");
  run(s);
  env_ = MapEnvironment({{"AWS_REGION", "eu-west-1"}, {"AWS_ACCESS_KEY_ID", "AKIAOTHERKEY"}}, "/home/u");
  run(s);
  run(s);
  EXPECT_EQ(fetches_, 2);  // the second key's entry is reused
  env_ = MapEnvironment({{"AWS_REGION", "eu-west-1"}, {"AWS_ACCESS_KEY_ID", "AKIAOTHERKEY"},
                         {"AWS_ENDPOINT_URL", "http://127.0.0.1:1"}},
                        "/home/u");
  run(s);
  EXPECT_EQ(fetches_, 3);
  Ec2IniSettings profiled = settings("regions = us-east-1\nboto_profile = other\n");
  run(profiled);
  EXPECT_EQ(fetches_, 4);
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) files += entry.is_regular_file();
  EXPECT_EQ(files, 4);
}

TEST_F(IniModeTest, CacheFileIsPrivate) {
  run(settings("regions = us-east-1\n"));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    struct stat info {};
    ASSERT_EQ(::stat(entry.path().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(entry.path().extension(), ".cache");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(IniModeTest, ZeroMaxAgeDisablesTheCache) {
  Ec2IniSettings s = settings("regions = us-east-1\ncache_max_age = 0\n");
  run(s);
  run(s);
  EXPECT_EQ(fetches_, 2);
}

TEST_F(IniModeTest, HostPrintsFreshVariablesWithoutAnsibleHost) {
  Ec2IniSettings s = settings("regions = us-east-1\n");
  IniRequest request;
  request.host = "54.1.2.3";
  json vars = json::parse(run(s, request));
  EXPECT_EQ(vars["ec2_id"], "i-1");
  EXPECT_EQ(vars["ec2_tag_Name"], "a");
  EXPECT_FALSE(vars.contains("ansible_host"));
  EXPECT_EQ(last_.filter_sets, (std::vector<Filters>{{{"instance-id", {"i-1"}}}}));
  request.host = "no-such-host";
  EXPECT_EQ(run(s, request), "{}");
}

TEST_F(IniModeTest, OneSourceARunAndTheRoleGoesWithIt) {
  Ec2IniSettings s = settings("regions = us-east-1\niam_role = arn:aws:iam::222222222222:role/inventory\n"
                              "boto_profile = ops\n");
  IniRequest request;
  request.host = "54.1.2.3";
  EXPECT_EQ(json::parse(run(s, request))["ec2_id"], "i-1");
  EXPECT_EQ(fetches_, 2);  // the inventory, then the host again
  ASSERT_EQ(specs_.size(), 1u);
  EXPECT_EQ(specs_[0].iam_role, "arn:aws:iam::222222222222:role/inventory");
  EXPECT_EQ(specs_[0].overrides.profile, "ops");
  run(s);  // served from the cache: no source opened
  EXPECT_EQ(specs_.size(), 1u);
}

TEST_F(IniModeTest, AnotherRoleGetsAnotherCacheEntry) {
  Ec2IniSettings s = settings("regions = us-east-1\n");
  run(s);
  s.iam_role = "arn:aws:iam::222222222222:role/inventory";
  run(s);
  run(s);
  s.iam_role = "arn:aws:iam::333333333333:role/inventory";
  run(s);
  EXPECT_EQ(fetches_, 3);
}

TEST_F(IniModeTest, AFailingSourceFailsTheRun) {
  Ec2IniSettings s = settings("regions = us-east-1\niam_role = arn:aws:iam::222222222222:role/locked\n");
  SourceFactory refused = [](const SourceSpec&) -> Result<std::unique_ptr<InstanceSource>> {
    Error e = make_error(ErrorCategory::Auth, "AccessDenied", "not authorized");
    e.request_id = "req-1";
    return e.with_context("assume role arn:aws:iam::222222222222:role/locked");
  };
  auto text = run_ini_mode(s, {}, env_, refused);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(to_string(text.error()),
            "Failed to assume role arn:aws:iam::222222222222:role/locked: AccessDenied: not authorized "
            "(request req-1)");
}

TEST(Cache, ExpiresAfterMaxAge) {
  auto dir = std::filesystem::temp_directory_path() / ("ec2-inv-cache-" + std::to_string(::getpid()));
  CacheEntry entry = cache_entry(dir.string(), "/home/u", "key", 60);
  ASSERT_TRUE(write_cache(entry, "{}").ok());
  EXPECT_EQ(read_cache(entry).value_or(""), "{}");
  EXPECT_FALSE(read_cache(entry, std::chrono::system_clock::now() + std::chrono::seconds(61)));
  EXPECT_EQ(cache_entry("~/x", "/home/u", "key", 1).path.rfind("/home/u/x/ansible-ec2-", 0), 0u);
  std::filesystem::remove_all(dir);
}

class CacheFileTest : public TempDirTest {
 protected:
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& file : std::filesystem::directory_iterator(dir_)) names.push_back(file.path().filename());
    return names;
  }

};

TEST_F(CacheFileTest, PiecesBecomeTheEntryOnlyWhenCommitted) {
  CacheEntry entry = cache_entry(dir_.string(), "/home/u", "key", 60);
  ASSERT_TRUE(write_cache(entry, "old").ok());
  {
    auto file = CacheFile::create(entry);
    ASSERT_TRUE(file) << to_string(file.error());
    ASSERT_TRUE(file->append("new "));
    ASSERT_TRUE(file->append("text"));
    EXPECT_EQ(files().size(), 2u);  // the entry and the temporary file
  }
  EXPECT_EQ(read_cache(entry).value_or(""), "old") << "dropped uncommitted: the old entry stays";
  EXPECT_EQ(files().size(), 1u);

  auto file = CacheFile::create(entry);
  ASSERT_TRUE(file) << to_string(file.error());
  ASSERT_TRUE(file->append("new "));
  ASSERT_TRUE(file->append("text"));
  ASSERT_TRUE(file->commit());
  EXPECT_EQ(read_cache(entry).value_or(""), "new text");
  ASSERT_EQ(files().size(), 1u);
  struct stat info {};
  ASSERT_EQ(::stat(entry.path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_FALSE(file->append("more")) << "a committed file takes no more pieces";
}

TEST_F(CacheFileTest, CopyHandsOverTheFreshTextPieceByPiece) {
  CacheEntry entry = cache_entry(dir_.string(), "/home/u", "key", 60);
  std::string copied;
  auto missing = copy_cache(entry, [&](std::string_view piece) { copied += piece; });
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
  std::string text(3 << 20, 'x');
  text[0] = '{';
  text.back() = '}';
  ASSERT_TRUE(write_cache(entry, text).ok());
  int pieces = 0;
  auto fresh = copy_cache(entry, [&](std::string_view piece) {
    copied += piece;
    ++pieces;
  });
  ASSERT_TRUE(fresh);
  EXPECT_TRUE(*fresh);
  EXPECT_EQ(copied, text);
  EXPECT_GT(pieces, 1);
  auto stale = copy_cache(entry, [&](std::string_view) { FAIL() << "a stale entry is not copied"; },
                          std::chrono::system_clock::now() + std::chrono::seconds(61));
  ASSERT_TRUE(stale);
  EXPECT_FALSE(*stale);
}

TEST_F(CacheFileTest, AnUnwritableDirectoryIsAnErrorNamingIt) {
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "file") << "not a directory";
  CacheEntry entry = cache_entry((dir_ / "file" / "cache").string(), "/home/u", "key", 60);
  auto file = CacheFile::create(entry);
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, "CacheWriteFailed");
  EXPECT_NE(file.error().message.find((dir_ / "file").string()), std::string::npos) << file.error().message;
}

}  // namespace
}  // namespace ec2::inventory
