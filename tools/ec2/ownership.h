#pragma once
/// How the `ec2` tool marks and recognises what it owns, and the idempotency token of its
/// RunInstances calls.

#include <string>
#include <string_view>

#include "ec2/types.h"

namespace ec2::cli {

/// Tag key put on every instance and security group the tool creates; its value is the key name.
inline constexpr std::string_view kOwnerTagKey = "ec2:owner-key";

/// Name of the security group the tool creates for `key`: `ec2-ssh-<key>`.
std::string security_group_name(std::string_view key);

/// Tags for resources created for `key`: the ownership tag and `Name=<key>`.
Tags owner_tags(std::string_view key);

/// True when `tags` carry the ownership tag for `key`.
bool owned_by(const Tags& tags, std::string_view key);

/// The RunInstances ClientToken for the key pair `key` whose public key has `fingerprint`.
/// The same key pair always gives the same token, so a retried or concurrent create returns the
/// existing instance; a new key pair (after `-r`) gives a new token. `after_instance` is empty
/// for the first token; when EC2 hands back an already terminated instance for a token, the next
/// token is derived with that instance's id, so every run agrees on the next one too.
/// At most 64 ASCII characters, as EC2 requires.
std::string client_token(std::string_view key, std::string_view fingerprint,
                         std::string_view after_instance = {});

}  // namespace ec2::cli
