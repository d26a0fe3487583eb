#pragma once
/// Downloading every DescribeInstances page of some regions the way an inventory must (all regions
/// in parallel, pages of 1,000, each page's request waiting for the token in the one before) and
/// nothing more: the baseline the inventory benchmarks measure ec2-inventory against.

#include <functional>
#include <string>
#include <vector>

namespace ec2::bench {

/// Called with each page's body as it arrives, from the region's thread.
using PageSink = std::function<void(const std::string& region, std::string body)>;

/// Downloads every page of `regions` from `endpoint` with the usual AWS credentials, handing each
/// body to `sink`; pages are parsed only as far as finding `<nextToken>`. Returns "" on success,
/// else what went wrong (the first failing region's reply or error).
std::string download_pages(const std::string& endpoint, const std::vector<std::string>& regions,
                           const PageSink& sink);

/// `text` split at `sep`, empty parts dropped.
std::vector<std::string> split(const std::string& text, char sep);

}  // namespace ec2::bench
