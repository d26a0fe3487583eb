#include "heap.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>

namespace ec2::inventory {
namespace {

/// Free memory at the heap's end is given back to the kernel only beyond this.
constexpr int kKeepFree = 256 << 20;
/// Allocations at least this large get their own mapping instead of heap memory (glibc's limit).
constexpr int kOwnMapping = 32 << 20;

}  // namespace

void set_up_heap() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables != nullptr && std::strstr(tunables, "glibc.malloc.") != nullptr) return;
  if (mallopt(M_ARENA_MAX, 1) == 0) return;
  mallopt(M_TRIM_THRESHOLD, kKeepFree);
  mallopt(M_MMAP_THRESHOLD, kOwnMapping);
}

}  // namespace ec2::inventory
