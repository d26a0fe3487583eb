#include "ownership.h"

#include <openssl/evp.h>

#include <fmt/format.h>

namespace ec2::cli {

std::string security_group_name(std::string_view key) { return fmt::format("ec2-ssh-{}", key); }

Tags owner_tags(std::string_view key) {
  return {{std::string(kOwnerTagKey), std::string(key)}, {"Name", std::string(key)}};
}

bool owned_by(const Tags& tags, std::string_view key) {
  for (const auto& tag : tags)
    if (tag.key == kOwnerTagKey && tag.value == key) return true;
  return false;
}

std::string client_token(std::string_view key, std::string_view fingerprint,
                         std::string_view after_instance) {
  // Length-prefixed fields, so ("ab","c") and ("a","bc") hash differently.
  std::string input = fmt::format("ec2-cli-token-v1\n{}:{}\n{}:{}\n{}:{}", key.size(), key,
                                  fingerprint.size(), fingerprint, after_instance.size(),
                                  after_instance);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(input.data(), input.size(), md, &len, EVP_sha256(), nullptr);
  std::string token = "ec2-";
  for (unsigned int i = 0; i < 20; ++i) token += fmt::format("{:02x}", md[i]);
  return token;
}

}  // namespace ec2::cli
