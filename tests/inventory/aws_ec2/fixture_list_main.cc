// inventory_aws_ec2_fixture_list CONFIG FIXTURE: prints our --list for a fixture fleet (a debugging
// aid for the side-by-side tests).

#include <iostream>

#include "aws_ec2.h"
#include "fixture.h"

int main(int argc, char** argv) {
  using namespace ec2::inventory::aws_ec2;
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " CONFIG FIXTURE\n";
    return 2;
  }
  auto config = load_aws_ec2_config(argv[1]);
  if (!config) {
    std::cerr << ec2::to_string(config.error()) << "\n";
    return 1;
  }
  auto inventory = build_inventory(*config, testing::fixture_records(testing::read_json_file(argv[2])));
  if (!inventory) {
    std::cerr << ec2::to_string(inventory.error()) << "\n";
    return 1;
  }
  std::cout << format_inventory_json(*inventory);
  return 0;
}
