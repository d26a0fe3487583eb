#pragma once
/// Pieces every typed operation shares: the request id every response carries, DryRun handling and
/// page callbacks for the paginated Describe calls.

#include <functional>
#include <string>
#include <string_view>

#include "ec2/client.h"
#include "ec2/error.h"
#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2 {

/// True when `error` is EC2's answer to a successful DryRun (`DryRunOperation`: "Request would
/// have succeeded, but DryRun flag is set"). Operations return it as an Error, as the AWS CLI
/// does; callers that asked for a dry run test for it with this.
bool is_dry_run_success(const Error& error);

/// Called once per page by the `*_pages` functions; returning false stops after that page.
template <class Page>
using PageCallback = std::function<bool(const Page& page)>;

/// A TagSpecification: tags applied to resources of `resource_type` at creation.
struct TagSpecification {
  std::string resource_type;  ///< "instance", "volume", "network-interface", "vpc", ...
  Tags tags;
};

/// Response of an operation that returns nothing but its request id (DeleteVpc, CreateTags, ...).
struct EmptyResponse {
  std::string request_id;
};

/// Response of an operation that returns `<return>true</return>`.
struct ReturnResponse {
  std::string request_id;
  bool return_value = false;
};

/// Base64 (standard alphabet, padded) as EC2 expects blobs such as UserData and
/// PublicKeyMaterial.
std::string encode_base64(std::string_view data);

}  // namespace ec2
