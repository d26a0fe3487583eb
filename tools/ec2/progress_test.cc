#include "progress.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

using std::chrono::milliseconds;

TEST(Progress, PlainLinesOnlyWhenStateChanges) {
  std::string out;
  Progress p([&](std::string_view s) { out += s; }, /*tty=*/false);
  p.waiting("i-1 to be running", "pending", milliseconds(0));
  p.waiting("i-1 to be running", "pending", milliseconds(5000));
  p.waiting("i-1 to be running", "running", milliseconds(12000));
  p.finish_wait();
  p.note("Instance i-1 running.");
  EXPECT_EQ(out,
            "Waiting for i-1 to be running: pending (0s)\n"
            "Waiting for i-1 to be running: running (12s)\n"
            "Instance i-1 running.\n");
  EXPECT_EQ(out.find('\r'), std::string::npos);
}

TEST(Progress, SpinnerRewritesOneLineAndClearsItBeforeNotes) {
  std::string out;
  Progress p([&](std::string_view s) { out += s; }, /*tty=*/true);
  p.waiting("i-1 to be running", "pending", milliseconds(1000));
  p.waiting("i-1 to be running", "pending", milliseconds(2000));
  EXPECT_EQ(out.find('\n'), std::string::npos);
  EXPECT_NE(out.find("pending (2s)"), std::string::npos);
  p.note("done");
  EXPECT_TRUE(out.ends_with("\r\033[Kdone\n"));
}

TEST(Progress, QuietKeepsWarningsOnly) {
  std::string out;
  Progress p([&](std::string_view s) { out += s; }, false, /*quiet=*/true);
  p.note("hidden");
  p.waiting("x", "y", milliseconds(0));
  p.warn("shown");
  EXPECT_EQ(out, "shown\n");
}

}  // namespace
}  // namespace ec2::cli
