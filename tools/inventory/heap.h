#pragma once
/// Heap settings for building large inventories.

namespace ec2::inventory {

/// Sets up glibc's heap for a large inventory run, in the running process:
///  - one arena: parallel fetch threads would each get an arena of their own, where the memory a
///    thread frees (a parsed page) is not reused by the others;
///  - freed memory stays in the heap and page bodies are taken from it, so the next page reuses
///    memory instead of faulting in (and zeroing) fresh pages;
///  - the heap's first 128 MiB of address space are reserved at once and advised for transparent
///    huge pages (where the kernel allows them): on small VMs the first touch of each 4 KiB page
///    costs a large part of a run. Only touched pages count towards memory use.
/// Leaves the heap alone when GLIBC_TUNABLES already sets glibc's malloc tunables. Call first
/// thing in main, before any thread starts. See docs/inventory.md for what each setting gives.
void set_up_heap();

}  // namespace ec2::inventory
