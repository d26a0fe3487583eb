// ec2_vpc_peering binary module: VPC peering connections as community.aws.ec2_vpc_peer manages
// them (docs/ansible-vpc-peering.md). Ansible runs it as `ec2_vpc_peering ARGS_FILE`.
#include "ec2_vpc_peering.h"

int main(int argc, char** argv) {
  using namespace ec2::ansible;
  return run_module(vpc_peering::spec(), argc, argv, [](Module& module) -> ModuleExit {
    auto args = vpc_peering::read_args(module);
    if (!args) return fail_json(args.error().message);
    auto client = make_client(module);
    if (!client) return fail_aws(client.error(), "Failed to connect to AWS");
    auto api = vpc_peering::live_api(*client);
    return vpc_peering::run(*args, *api, module.check_mode(), module.diff_mode());
  });
}
