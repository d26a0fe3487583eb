#pragma once
/// `--state-file PATH`: the World as one JSON document. Saved atomically (write a temporary file,
/// fsync it, rename it over PATH, fsync the directory) after every acknowledged mutation, before the
/// reply is sent, so neither a restart nor SIGKILL loses an acknowledged change.

#include <string>

#include "ec2/result.h"
#include "world.h"

namespace ec2::emu {

/// Writes `world` to `path` atomically and durably. Call with the World lock held.
Status save_state(const World& world, const std::string& path);
/// Replaces the contents of `world` with the state in `path`. Errors (category Io/Parse) name the file.
Status load_state(World& world, const std::string& path);

}  // namespace ec2::emu
