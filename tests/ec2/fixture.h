#pragma once
/// Shared fixture of the `ec2` integration tests: one emulator and one sandbox per test, ways to
/// put the key's instance into each starting state, and the invariants every run must leave.

#include <gtest/gtest.h>

#include <string>

#include "harness.h"
#include "key_material.h"

namespace ec2::test {

class Ec2Test : public ::testing::Test {
 protected:
  Ec2Test() : ec2_(emulator_) {}
  /// With an emulator started with `emulator_args`.
  explicit Ec2Test(std::vector<std::string> emulator_args)
      : emulator_(std::move(emulator_args)), ec2_(emulator_) {}

  /// `ec2 -k <key_> args...`, fast-forwarded.
  RunResult ec2(std::vector<std::string> args, bool fast_forward = true) {
    args.insert(args.begin(), {"-k", key_});
    return ec2_.run(args, fast_forward);
  }

  /// Puts the key's instance into `state`: none, pending, running, stopping, stopped,
  /// terminated (a terminated instance while key pair and group remain).
  void bring_to(const std::string& state);

  /// The one owned live instance (fails the test when there is not exactly one).
  Instance the_instance();

  /// Exactly one owned instance exists, AWS has the key pair, and the local private key is its
  /// key (by its public key, or its fingerprint when the emulator leaves the public key out).
  void expect_one_instance_and_matching_key();

  /// Nothing of the key is left: no owned live instance, no key pair, no group, no key file.
  void expect_nothing_left();

  std::string key_ = "dev";
  Emulator emulator_;
  Ec2Runner ec2_;
};

/// Parses a local private key file (fails the test when it is not usable).
std::optional<cli::KeyMaterial> local_key(const std::string& path);

}  // namespace ec2::test
