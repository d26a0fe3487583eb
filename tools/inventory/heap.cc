#include "heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace ec2::inventory {
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
/// Address space the heap's end is moved by at once, to be advised for huge pages.
constexpr int kReserve = 128 << 20;
/// Free memory at the heap's end is given back to the kernel only beyond this: more than the
/// reserve, which would otherwise go back at the first large free.
constexpr int kKeepFree = 2 * kReserve;
/// Allocations at least this large get their own mapping instead of heap memory (glibc's limit).
constexpr int kOwnMapping = 32 << 20;

/// Moves the heap's end by kReserve and advises the whole 2 MiB pages in between for huge pages.
/// One allocation larger than the heap's free memory at start-up (under kOwnMapping, so it comes
/// from the heap) makes glibc extend the heap by it plus the top pad; freeing it keeps the space.
void reserve_huge_page_start() {
  mallopt(M_TOP_PAD, kReserve);
  auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile block = std::malloc(kOwnMapping / 2);  // volatile: the pair is not elided
  std::free(block);
  auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  mallopt(M_TOP_PAD, 0);
  uintptr_t begin = (before + kHugePage - 1) & ~(kHugePage - 1), end = after & ~(kHugePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace

void set_up_heap() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables != nullptr && std::strstr(tunables, "glibc.malloc.") != nullptr) return;
  if (mallopt(M_ARENA_MAX, 1) == 0) return;
  mallopt(M_TRIM_THRESHOLD, kKeepFree);
  mallopt(M_MMAP_THRESHOLD, kOwnMapping);
  reserve_huge_page_start();
}

}  // namespace ec2::inventory
