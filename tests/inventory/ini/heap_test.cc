#include "heap.h"

#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace ec2::inventory {
namespace {

/// Runs `body` in a child process (heap settings are one-way and per process) and returns the
/// child's exit status, or -1 if it did not exit normally.
int in_child(const std::function<int()>& body) {
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) _exit(body());
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The name column of the /proc/self/maps mapping that holds `address`.
std::string mapping_at(const void* address) {
  auto target = reinterpret_cast<uintptr_t>(address);
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> begin >> dash >> end && dash == '-' && begin <= target && target < end) {
      std::string perms, offset, device, inode, name;
      head >> perms >> offset >> device >> inode;
      std::getline(head >> std::ws, name);
      return name;
    }
  }
  return {};
}

TEST(HeapTest, PageSizedAllocationsComeFromTheHeapThatFreeingKeeps) {
  int status = in_child([] {
    unsetenv("GLIBC_TUNABLES");
    set_up_heap();
    void* volatile page = std::malloc(4 << 20);  // a DescribeInstances page body
    if (mapping_at(page) != "[heap]") return 1;
    void* end = sbrk(0);
    std::free(page);
    return sbrk(0) == end ? 0 : 2;
  });
  EXPECT_EQ(status, 0) << "1: not from the heap, 2: heap shrunk";
}

TEST(HeapTest, GlibcTunablesForMallocLeaveTheHeapAsItIs) {
  int status = in_child([] {
    setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0", 1);
    set_up_heap();
    void* volatile page = std::malloc(4 << 20);
    std::string mapping = mapping_at(page);
    std::free(page);
    return mapping == "[heap]" ? 1 : 0;  // glibc's default maps a block this large on its own
  });
  EXPECT_EQ(status, 0);
}

}  // namespace
}  // namespace ec2::inventory
