#pragma once
/// Work split into numbered batches, done on several threads and used in order on the calling
/// thread while later batches are still being done: `--list` renders hosts' variables on every
/// core while the batches already rendered are written out.

#include <cstddef>
#include <functional>
#include <string>

namespace ec2::inventory::aws_ec2 {

/// Calls `render(i, text)` for every batch i in [0, count) on `threads` threads (text arrives
/// empty) and `use(text)` on the calling thread for batch 0, 1, 2, … in order, each as soon as it
/// is rendered. At most `window` rendered batches wait to be used, which bounds memory. An
/// exception thrown by `render` stops the work and is rethrown here.
void for_each_batch_in_order(size_t count, size_t threads, size_t window,
                             const std::function<void(size_t, std::string&)>& render,
                             const std::function<void(std::string&)>& use);

}  // namespace ec2::inventory::aws_ec2
