#pragma once
/// AWS Signature Version 4: header signing and query (presigned) signing, plus the building blocks
/// a server needs to verify a signature (canonical request, string to sign, signing key).

#include <chrono>
#include <string>

#include "ec2/config.h"
#include "ec2/http.h"
#include "ec2/result.h"

namespace ec2 {

/// Who signs, for which region/service, at what time.
struct SigningParams {
  Credentials credentials;
  std::string region;
  std::string service = "ec2";
  std::chrono::system_clock::time_point time;
};

/// Signs `request` in place with the Authorization header: adds `X-Amz-Date`, `Host` when missing,
/// and `X-Amz-Security-Token` when the credentials carry a session token.
Status sign_request(HttpRequest& request, const SigningParams& params);

}  // namespace ec2
