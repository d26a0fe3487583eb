#pragma once
/// Heap settings for building large inventories.

namespace ec2::inventory {

/// Sets up glibc's heap for a large inventory run, in the running process:
///  - one arena: parallel fetch threads would each get an arena of their own, where the memory a
///    thread frees (a parsed page) is not reused by the others;
///  - freed memory stays in the heap and page bodies are taken from it, so the next page reuses
///    memory instead of faulting in (and zeroing) fresh pages;
///  - the heap's first 128 MiB of address space are reserved at once and advised for transparent
///    huge pages (where the kernel allows them), because on small VMs first touches of 4 KiB
///    pages cost a large part of a run. Only touched pages count towards memory use.
/// Leaves the heap alone when GLIBC_TUNABLES already sets glibc's malloc tunables. Call first
/// thing in main, before any thread starts. See docs/inventory.md for the measurements.
void use_huge_page_heap();

}  // namespace ec2::inventory
