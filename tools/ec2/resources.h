#pragma once
/// Finding and creating the AWS resources of one key: the key pair (matched with the local
/// private-key file), the SSH security group, the image, and the instance the tool owns.

#include <optional>
#include <string>
#include <vector>

#include "ec2/model/image.h"
#include "ec2/model/instance.h"
#include "ec2/model/key_pair.h"
#include "ec2/model/security_group.h"
#include "key_material.h"
#include "session.h"

namespace ec2::cli {

/// The instances tagged as owned by the key (terminated ones left out).
struct OwnedInstances {
  std::optional<Instance> current;      ///< The oldest pending/running/stopping/stopped one.
  std::vector<Instance> extra;          ///< Further live ones (only after outside interference).
  std::vector<Instance> shutting_down;  ///< On their way out.
};

/// State name of an instance ("pending", ...), "" when absent.
std::string state_of(const Instance& instance);

/// Lists the key's instances.
Result<OwnedInstances> find_owned_instances(Session& session);

/// The key pair named like the key (with its public key when the endpoint returns it), or nullopt.
Result<std::optional<KeyPairInfo>> find_key_pair(Session& session);

/// The local private key, parsed; nullopt when the file does not exist. A file that exists but
/// is not a usable key is an error naming it.
Result<std::optional<KeyMaterial>> read_local_key(Session& session);

/// Makes sure AWS has the key pair and the local file holds its private key: generates and
/// writes a key (then imports it) when neither exists, imports the local key when only it
/// exists, and stops with code "KeyMismatch" and advice when AWS has a key pair whose private
/// key is missing locally or differs.
Result<KeyMaterial> ensure_key_pair(Session& session);

/// True when the key pair in AWS is the local key: by its public key, or by its fingerprint when
/// the endpoint returned no public key (see key_match.h).
bool key_matches(const KeyPairInfo& pair, const KeyMaterial& local);

/// The tool's security group for the key, or nullopt.
Result<std::optional<SecurityGroup>> find_security_group(Session& session);

/// Makes sure the key's security group exists and allows TCP 22 from `cidr`. Returns its id.
Result<std::string> ensure_security_group(Session& session, const std::string& cidr);

/// The CIDR to allow SSH from: `--ssh-cidr`, else the caller's public IP /32.
Result<std::string> ssh_cidr(Session& session);

/// Resolves `--ami` in the session's region (code "ImageNotFound" when nothing matches).
Result<Image> resolve_image(Session& session);

/// Looks up one image by id; nullopt when it is gone.
Result<std::optional<Image>> describe_image(Session& session, const std::string& image_id);

}  // namespace ec2::cli
