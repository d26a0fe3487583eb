#pragma once
/// Heap settings for building large inventories.

namespace ec2::inventory {

/// On 4 KiB pages the first touch of every new page of heap is a page fault, and on small VMs
/// those faults cost a large part of an inventory run; glibc can back its heap with transparent
/// huge pages (`glibc.malloc.hugetlb=1`). Parallel fetch threads would also each get a heap arena
/// of their own, where the memory a thread frees (a parsed page) is not reused by the others;
/// `glibc.malloc.arena_max=1` keeps one. glibc reads these settings only at start-up, from
/// GLIBC_TUNABLES, so when they are not set yet this adds them to the environment and executes
/// the program again (once: the second start finds them set). On any failure it returns and the
/// run goes on with the default heap. Call first thing in main.
void use_huge_page_heap(char** argv);

}  // namespace ec2::inventory
