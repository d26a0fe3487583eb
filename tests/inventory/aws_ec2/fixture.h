#pragma once
/// Test fleets stored as JSON: {"regions": {region: [reservation, ...]}} with botocore-shaped
/// reservations, the same files the test-only sitecustomize.py serves to the Ansible plugin.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "instance_source.h"

namespace ec2::inventory::aws_ec2::testing {

/// The records a fetch of every region of `fixture` would return.
std::vector<InstanceRecord> fixture_records(const nlohmann::json& fixture);

/// Reads a JSON file (aborts the test on failure).
nlohmann::json read_json_file(const std::string& path);

/// Runs `command` through the shell and returns its stdout; `status` receives the exit status.
std::string run_command(const std::string& command, int* status);

}  // namespace ec2::inventory::aws_ec2::testing
