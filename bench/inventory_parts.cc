// The parts of an `ec2-inventory --list` run, each timed on one core with the inventory's own code:
// the download of the pages (as download_pages does it), parsing them (libec2's parser, in place),
// preparing every instance while its page is at hand (its variables written as --list text and
// packed, its host names — the aws_ec2 mode's record_preparer), packing alone, unpacking the
// texts again and writing the output. bench/compare.py sets them beside the whole run
// (docs/benchmarks.md).
//
// Usage: inventory_parts ENDPOINT_URL REGION[,REGION...] CONFIG LIST_JSON [RUNS]
//   CONFIG: the aws_ec2.yml the inventory ran with (no compose, groups or keyed_groups).
//   LIST_JSON: ec2-inventory's --list output for the same fleet; its host entries are the texts.
// Prints one JSON object; times are milliseconds, medians of RUNS (default 5).
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "aws_ec2.h"
#include "query/response.h"
#include "instance_source.h"
#include "output/packed_text.h"
#include "page_download.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/// Median wall time of `runs` calls of `part` (milliseconds).
double median_ms(int runs, const std::function<void()>& part) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    part();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

/// The host entries of `_meta.hostvars` in a --list text laid out by ec2-inventory (four-space
/// indent): from each host's key line to its closing brace, as the inventory keeps them.
std::vector<std::string_view> host_entries(std::string_view list) {
  std::vector<std::string_view> entries;
  const std::string_view open = "\n            \"", close = "\n            }";
  size_t at = list.find("\"hostvars\": {");
  size_t end = list.find("\n        }", at);
  while (at != std::string_view::npos && (at = list.find(open, at)) < end) {
    size_t stop = list.find(close, at);
    if (stop == std::string_view::npos) break;
    stop += close.size();
    entries.push_back(list.substr(at + 1, stop - at - 1));
    at = stop;
  }
  return entries;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "inventory_parts: %s\n", what.c_str());
  std::exit(1);
}

/// The pages of the fleet as downloaded, each with its region, and what the download cost.
struct Download {
  std::vector<std::string> pages, regions;
  size_t bytes = 0;
  double wall_ms = 0, cpu_ms = 0;
};

Download download(const std::string& endpoint, const std::string& regions) {
  Download out;
  std::mutex mutex;
  double cpu_before = cpu_ms();
  auto start = Clock::now();
  std::string failure = ec2::bench::download_pages(endpoint, ec2::bench::split(regions, ','),
                                                   [&](const std::string& region, std::string body) {
                                                     std::lock_guard lock(mutex);
                                                     out.bytes += body.size();
                                                     out.regions.push_back(region);
                                                     out.pages.push_back(std::move(body));
                                                   });
  out.wall_ms = ms_since(start);
  out.cpu_ms = cpu_ms() - cpu_before;
  if (!failure.empty()) fail(failure);
  return out;
}

/// Parses every page as the inventory does (in place, from a copy: the pages are parsed `runs`
/// times); `parsed` keeps the last run's documents.
double time_parse(int runs, const Download& pages, std::vector<ec2::XmlDocument>& parsed) {
  parsed.resize(pages.pages.size());
  return median_ms(runs, [&] {
    for (size_t i = 0; i < pages.pages.size(); ++i) {
      ec2::HttpResponse response;
      response.status = 200;
      response.body = pages.pages[i];
      auto document = ec2::query::interpret_response(std::move(response));
      if (!document) fail("a page does not parse: " + ec2::to_string(document.error()));
      parsed[i] = std::move(*document);
    }
  });
}

/// Prepares every instance of the parsed pages with the inventory's record_preparer for `config`.
double time_prepare(int runs, const char* config_path, const Download& pages,
                    const std::vector<ec2::XmlDocument>& parsed, size_t& instances) {
  auto config = ec2::inventory::aws_ec2::load_aws_ec2_config(config_path);
  if (!config) fail(ec2::to_string(config.error()));
  auto prepare = ec2::inventory::aws_ec2::record_preparer(*config);
  if (!prepare) fail(std::string(config_path) + ": with constructed rules instances are not prepared as pages arrive");
  return median_ms(runs, [&] {
    std::vector<ec2::inventory::InstanceRecord> records;
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (auto s = ec2::inventory::append_xml_page(pages.regions[i], *parsed[i], prepare, records); !s) {
        fail(ec2::to_string(s.error()));
      }
    }
    instances = records.size();
  });
}

/// Unpacks every text into one buffer, emptied once it holds 512 KiB, as --list writes its output.
double time_unpack(int runs, const std::vector<ec2::inventory::aws_ec2::PackedText>& packed) {
  constexpr size_t kWriteBytes = 512 << 10;
  std::string out;
  return median_ms(runs, [&] {
    for (const auto& text : packed) {
      text.append_to(out);
      if (out.size() >= kWriteBytes) out.clear();
    }
    out.clear();
  });
}

/// Writes `text` to a new file at `path` in 1 MiB writes, and removes it.
double time_write(int runs, const std::string& text, const std::string& path) {
  double ms = median_ms(runs, [&] {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) fail("cannot write " + path);
    for (size_t at = 0; at < text.size();) {
      ssize_t n = ::write(fd, text.data() + at, std::min<size_t>(text.size() - at, 1 << 20));
      if (n <= 0) fail("cannot write " + path);
      at += static_cast<size_t>(n);
    }
    ::close(fd);
  });
  ::unlink(path.c_str());
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5 && argc != 6) {
    std::fprintf(stderr, "usage: inventory_parts ENDPOINT_URL REGION[,REGION...] CONFIG LIST_JSON [RUNS]\n");
    return 2;
  }
  int runs = argc == 6 ? std::max(1, std::atoi(argv[5])) : 5;
  std::ifstream file(argv[4], std::ios::binary);
  std::stringstream read;
  read << file.rdbuf();
  const std::string list = read.str();
  auto entries = host_entries(list);
  if (entries.empty()) fail(std::string("no host entries in ") + argv[4]);

  Download pages = download(argv[1], argv[2]);
  std::vector<ec2::XmlDocument> parsed;
  double parse = time_parse(runs, pages, parsed);
  size_t instances = 0;
  double prepare = time_prepare(runs, argv[3], pages, parsed, instances);
  std::vector<ec2::inventory::aws_ec2::PackedText> packed(entries.size());
  double pack = median_ms(runs, [&] {
    for (size_t i = 0; i < entries.size(); ++i) packed[i] = ec2::inventory::aws_ec2::PackedText::pack(entries[i]);
  });
  size_t packed_bytes = 0;
  for (const auto& text : packed) packed_bytes += text.size();
  double unpack = time_unpack(runs, packed);
  double write = time_write(runs, list, std::string(argv[4]) + ".written");
  std::printf(
      "{\"pages\": %zu, \"xml_bytes\": %zu, \"instances\": %zu, \"hosts\": %zu, \"list_bytes\": %zu, "
      "\"packed_bytes\": %zu, \"download_wall_ms\": %.2f, \"download_cpu_ms\": %.2f, \"parse_ms\": %.2f, "
      "\"prepare_ms\": %.2f, \"pack_ms\": %.2f, \"unpack_ms\": %.2f, \"write_ms\": %.2f}\n",
      pages.pages.size(), pages.bytes, instances, entries.size(), list.size(), packed_bytes, pages.wall_ms,
      pages.cpu_ms, parse, prepare, pack, unpack, write);
  return 0;
}
