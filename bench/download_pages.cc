// The baseline for inventory benchmarks: downloads every DescribeInstances page of the given regions
// (all regions in parallel, pages of 1,000) and throws the bodies away, with no XML parsing beyond
// finding <nextToken>. Prints "<pages> pages, <bytes> bytes" on stdout.
//
// Usage: download_pages ENDPOINT_URL REGION[,REGION...]
// Credentials come from the usual AWS environment variables and files.
#include <atomic>
#include <cstdio>
#include <string>

#include "page_download.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: download_pages ENDPOINT_URL REGION[,REGION...]\n");
    return 2;
  }
  std::atomic<long> pages{0}, bytes{0};
  std::string failure = ec2::bench::download_pages(argv[1], ec2::bench::split(argv[2], ','),
                                                   [&](const std::string&, std::string body) {
                                                     pages++;
                                                     bytes += static_cast<long>(body.size());
                                                   });
  if (!failure.empty()) {
    std::fprintf(stderr, "download_pages: %s\n", failure.c_str());
    return 1;
  }
  std::printf("%ld pages, %ld bytes\n", pages.load(), bytes.load());
  return 0;
}
