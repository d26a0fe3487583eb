#include "key_store.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

namespace fs = std::filesystem;

class KeyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("ec2-store-test-" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(root_);
  }
  static mode_t mode_of(const fs::path& p) {
    struct stat st;
    stat(p.c_str(), &st);
    return st.st_mode & 07777;
  }
  fs::path root_;
};

/// Environment with at most EC2_KEY_DIR set.
class FakeEnv final : public Environment {
 public:
  explicit FakeEnv(std::optional<std::string> key_dir) : key_dir_(std::move(key_dir)) {}
  std::optional<std::string> get(std::string_view name) const override {
    return name == "EC2_KEY_DIR" ? key_dir_ : std::nullopt;
  }
  std::string home() const override { return "/home/u"; }

 private:
  std::optional<std::string> key_dir_;
};

TEST(ResolveKeyDir, FlagThenEnvThenHomeSsh) {
  FakeEnv env("/env/keys");
  FakeEnv bare(std::nullopt);
  EXPECT_EQ(resolve_key_dir(std::string("/flag"), env), "/flag");
  EXPECT_EQ(resolve_key_dir(std::nullopt, env), "/env/keys");
  EXPECT_EQ(resolve_key_dir(std::nullopt, bare), "/home/u/.ssh");
}

TEST(ValidateKeyName, RejectsPathsAndOddCharacters) {
  EXPECT_EQ(validate_key_name("ec2.py"), "");
  EXPECT_NE(validate_key_name(""), "");
  EXPECT_NE(validate_key_name("../x"), "");
  EXPECT_NE(validate_key_name("a/b"), "");
  EXPECT_NE(validate_key_name(".hidden"), "");
  EXPECT_NE(validate_key_name("tab\there"), "");
  EXPECT_NE(validate_key_name(std::string(256, 'a')), "");
}

TEST_F(KeyStoreTest, PrepareCreatesPrivateDirectoriesAndWritesMode0600) {
  KeyStore store((root_ / "a" / "b").string());
  ASSERT_TRUE(store.prepare());
  EXPECT_EQ(mode_of(root_ / "a"), 0700u);
  EXPECT_EQ(mode_of(root_ / "a" / "b"), 0700u);
  ASSERT_TRUE(store.write_new("k", "secret\n"));
  EXPECT_EQ(store.path_for("k"), (root_ / "a" / "b" / "k.pem").string());
  EXPECT_EQ(mode_of(store.path_for("k")), 0600u);
  auto read = store.read("k");
  ASSERT_TRUE(read && *read);
  EXPECT_EQ(**read, "secret\n");
  // No temporary files are left behind.
  int files = 0;
  for (auto& e : fs::directory_iterator(root_ / "a" / "b")) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST_F(KeyStoreTest, NeverOverwritesAnExistingKeyFile) {
  KeyStore store(root_.string());
  ASSERT_TRUE(store.write_new("k", "first"));
  auto second = store.write_new("k", "second");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, "KeyFileExists");
  EXPECT_EQ(**store.read("k"), "first");
}

TEST_F(KeyStoreTest, MissingFileReadsAsNulloptAndRemoveIsIdempotent) {
  KeyStore store(root_.string());
  auto read = store.read("none");
  ASSERT_TRUE(read);
  EXPECT_FALSE(*read);
  ASSERT_TRUE(store.write_new("k", "x"));
  EXPECT_TRUE(store.remove("k"));
  EXPECT_FALSE(fs::exists(store.path_for("k")));
  EXPECT_TRUE(store.remove("k"));
}

TEST_F(KeyStoreTest, UnwritableDirectoryIsReportedAsSuch) {
  if (geteuid() == 0) {
    // root ignores permission bits; a path below a regular file fails for everyone.
    std::ofstream(root_ / "file") << "x";
    auto st = KeyStore((root_ / "file" / "keys").string()).prepare();
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, "KeyDirNotWritable");
    EXPECT_NE(st.error().message.find("--key-dir"), std::string::npos);
    return;
  }
  fs::create_directories(root_ / "ro");
  fs::permissions(root_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  auto st = KeyStore((root_ / "ro").string()).prepare();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, "KeyDirNotWritable");
}

TEST_F(KeyStoreTest, LockExcludesOtherProcessesUntilReleased) {
  KeyStore store(root_.string());
  auto lock = KeyLock::acquire(store, "k");
  ASSERT_TRUE(lock);
  pid_t child = fork();
  if (child == 0) {
    // The child must find the lock busy: a non-blocking flock on the same file fails.
    int fd = open((root_ / ".k.lock").c_str(), O_RDWR);
    _exit(flock(fd, LOCK_EX | LOCK_NB) == 0 ? 1 : 0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  { auto released = std::move(*lock); }
  auto again = KeyLock::acquire(store, "k");
  EXPECT_TRUE(again);
}

}  // namespace
}  // namespace ec2::cli
