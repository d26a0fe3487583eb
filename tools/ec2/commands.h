#pragma once
/// The tool's commands. Each returns the process exit code, writes results to `out` (stdout)
/// and progress to the session's Progress (stderr). Errors come back as Error values; main()
/// turns them into one line and exit code 1.

#include <cstdio>

#include "session.h"

namespace ec2::cli {

/// The command's outcome: an exit code, or an error to report.
using CommandResult = Result<int>;

/// `ec2`: make sure the key's instance exists and runs (create, wait for a stopping one then
/// start, start a stopped one), then wait until its status checks pass.
CommandResult run_ensure(Session& session, std::FILE* out);

/// `ec2 -s`: stop the instance and wait until stopped; with none, say so and create nothing.
CommandResult run_stop(Session& session, std::FILE* out);

/// `ec2 -r`: terminate the instance, then delete the security group, the key pair and the local
/// key file — each only if the tool owns it.
CommandResult run_remove(Session& session, std::FILE* out);

/// `ec2 -i` (`-v`, `--json`): read-only description. No instance → exit 3.
CommandResult run_info(Session& session, std::FILE* out);

/// `ec2 --ssh [-- CMD...]`: run_ensure, then replace this process with ssh ($EC2_SSH or "ssh").
CommandResult run_ssh(Session& session, std::FILE* out);

}  // namespace ec2::cli
