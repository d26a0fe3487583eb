#pragma once
/// `--seed-instances N`: a deterministic fleet for tests, demos and benchmarks. Instances are spread
/// over the chosen regions, zones, the default VPC and three extra VPCs, varied instance types,
/// images and key names, with tags containing dashes, spaces, commas and unicode; every fifth one
/// is stopped. Seeded instances are created in their final state (no transitions).

#include <string>
#include <vector>

#include "ec2/result.h"
#include "world.h"

namespace ec2::emu {

struct SeedOptions {
  size_t instances = 0;
  std::vector<std::string> regions = {"us-east-1"};
  /// Accounts that get a fleet each (`seed: true` in the accounts file); empty: the default one.
  std::vector<std::string> accounts;
};

/// Adds the fleet to every seeded account of `world` (same options and world seed → same ids,
/// addresses and tags).
Status seed_world(World& world, const SeedOptions& options);
/// Adds the fleet to the regions of `account`.
Status seed_account(World& world, const SeedOptions& options, const std::string& account);

}  // namespace ec2::emu
