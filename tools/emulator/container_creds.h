#pragma once
/// Container credentials (what the ECS agent or EKS Pod Identity serve at
/// AWS_CONTAINER_CREDENTIALS_FULL_URI) on their own listener (`--container-port`, 127.0.0.1):
/// any GET whose `Authorization` header equals the configured token gets credentials of the
/// configured role; everything else 401.

#include <mutex>
#include <string>

#include "imds.h"

namespace ec2::emu {

class ContainerCredentials {
 public:
  explicit ContainerCredentials(MetadataContext context);

  /// The role (`arn:aws:iam::A:role/R`, from the accounts file) and the authorization token.
  void configure(std::string role_arn, std::string token);
  std::string role_arn() const;

  /// Answers one request on the container listener.
  HttpReply handle(const HttpCall& http);

 private:
  MetadataContext context_;
  mutable std::mutex mutex_;
  std::string role_arn_;
  std::string token_;
  RoleCredentialCache cache_;
};

}  // namespace ec2::emu
