#include "heap.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace ec2::inventory {
namespace {

/// Huge pages where the kernel allows them (transparent_hugepage `madvise` or `always`), and one
/// heap arena for all threads: memory a fetch thread frees is reused by the others instead of
/// staying in that thread's own arena. See docs/inventory.md for the measurements.
constexpr const char* kTunables = "glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1";

}  // namespace

void use_huge_page_heap(char** argv) {
  const char* current = std::getenv("GLIBC_TUNABLES");
  if (current != nullptr && std::strstr(current, "glibc.malloc.hugetlb") != nullptr) return;
  std::string value = current != nullptr && *current != '\0' ? std::string(current) + ":" + kTunables : kTunables;
  if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: /proc is not mounted or exec failed. Carry on as we are (children may inherit the
  // variable, which only tunes their heap the same way).
}

}  // namespace ec2::inventory
