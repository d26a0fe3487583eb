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

/// The name column and VmFlags of the /proc/self/smaps mapping that holds `address`.
struct Mapping {
  std::string name;
  std::string flags;
};
Mapping mapping_at(const void* address) {
  auto target = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  Mapping found;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= target && target < end;
      if (inside) {
        std::string perms, offset, device, inode;
        head >> perms >> offset >> device >> inode;
        std::getline(head >> std::ws, found.name);
      }
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      found.flags = line.substr(8) + " ";
      return found;
    }
  }
  return found;
}

bool has_huge_page_support() {
  return std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good();
}

TEST(HeapTest, PageSizedAllocationsComeFromAHeapAdvisedForHugePagesThatFreeingKeeps) {
  bool huge_pages = has_huge_page_support();
  int status = in_child([huge_pages] {
    unsetenv("GLIBC_TUNABLES");
    set_up_heap();
    void* volatile page = std::malloc(4 << 20);  // a DescribeInstances page body
    // Its last byte: its first may lie below the first 2 MiB boundary of the reserved memory.
    Mapping mapping = mapping_at(static_cast<char*>(page) + (4 << 20) - 1);
    if (mapping.name != "[heap]") return 1;
    if ((mapping.flags.find(" hg ") != std::string::npos) != huge_pages) return 2;
    void* end = sbrk(0);
    std::free(page);
    return sbrk(0) == end ? 0 : 3;
  });
  EXPECT_EQ(status, 0) << "1: not from the heap, 2: huge page advice not as the kernel allows, 3: heap shrunk";
}

TEST(HeapTest, GlibcTunablesForMallocLeaveTheHeapAsItIs) {
  int status = in_child([] {
    setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0", 1);
    set_up_heap();
    void* volatile page = std::malloc(4 << 20);
    Mapping mapping = mapping_at(page);
    std::free(page);
    return mapping.name == "[heap]" ? 1 : 0;  // glibc's default maps a block this large on its own
  });
  EXPECT_EQ(status, 0);
}

}  // namespace
}  // namespace ec2::inventory
