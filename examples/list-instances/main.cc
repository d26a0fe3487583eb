// Lists the instances of the configured region: id, state, type and public DNS name.
// Configuration comes from the usual AWS environment variables and ~/.aws files.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "ec2/client.h"
#include "ec2/ops/instances.h"

namespace {

const char* or_dash(const std::optional<std::string>& value) {
  return value ? value->c_str() : "-";
}

}  // namespace

int main() {
  auto client = ec2::Client::create();
  if (!client) {
    std::fprintf(stderr, "list-instances: %s\n", ec2::to_string(client.error()).c_str());
    return 1;
  }
  auto status = ec2::describe_instances_pages(
      *client, {}, [](const ec2::DescribeInstancesResponse& page) {
        for (const auto& reservation : page.reservations) {
          for (const auto& instance : reservation.instances.value_or(std::vector<ec2::Instance>{})) {
            std::printf("%s\t%s\t%s\t%s\n", or_dash(instance.instance_id),
                        instance.state ? or_dash(instance.state->name) : "-",
                        or_dash(instance.instance_type), or_dash(instance.public_dns_name));
          }
        }
        return true;
      });
  if (!status) {
    std::fprintf(stderr, "list-instances: %s\n", ec2::to_string(status.error()).c_str());
    return 1;
  }
  return 0;
}
