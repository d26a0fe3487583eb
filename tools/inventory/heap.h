#pragma once
/// Heap settings for building large inventories.

namespace ec2::inventory {

/// A fleet of thousands of instances is held as millions of small allocations, and on 4 KiB pages
/// the first touch of every new page of heap is a page fault: at 10,000 instances those faults
/// cost about as much as all the rest of the work. glibc can back its heap with transparent huge
/// pages (`glibc.malloc.hugetlb=1`) and keep it instead of trimming it, but reads those settings
/// only at start-up, from GLIBC_TUNABLES. So when they are not set yet, this adds them to the
/// environment and executes the program again (once: the second start finds them set). On any
/// failure it returns and the run goes on with the default heap. Call first thing in main.
void use_huge_page_heap(char** argv);

}  // namespace ec2::inventory
