// Fuzzes the EC2 XML response path: document loading, every typed response parser and the JSON
// rendering of whatever parsed. Any input must give a value or an Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ec2/model/xml.h"
#include "ec2/ops/images.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/keypairs.h"
#include "ec2/ops/regions.h"
#include "ec2/ops/security_groups.h"
#include "ec2/ops/tags.h"
#include "ec2/ops/vpc_peering.h"
#include "ec2/ops/vpcs.h"

namespace {

/// Parses `doc` with `parse` and renders the result, so both directions are exercised.
template <class Response>
void exercise(const pugi::xml_document& doc,
              ec2::Result<Response> (*parse)(const pugi::xml_document&)) {
  auto response = parse(doc);
  if (response.ok()) {
    (void)ec2::to_json(*response).dump();
  } else {
    (void)ec2::to_string(response.error());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto doc = ec2::parse_xml_document(body);
  if (!doc.ok()) {
    (void)ec2::to_string(doc.error());
    return 0;
  }
  const pugi::xml_document& d = *doc.value();
  (void)ec2::request_id_of(d);
  exercise(d, &ec2::parse_describe_instances);
  exercise(d, &ec2::parse_describe_instance_status);
  exercise(d, &ec2::parse_describe_images);
  exercise(d, &ec2::parse_describe_regions);
  exercise(d, &ec2::parse_describe_availability_zones);
  exercise(d, &ec2::parse_describe_key_pairs);
  exercise(d, &ec2::parse_create_key_pair);
  exercise(d, &ec2::parse_import_key_pair);
  exercise(d, &ec2::parse_describe_security_groups);
  exercise(d, &ec2::parse_create_security_group);
  exercise(d, &ec2::parse_authorize_security_group_ingress);
  exercise(d, &ec2::parse_describe_tags);
  exercise(d, &ec2::parse_describe_vpcs);
  exercise(d, &ec2::parse_create_vpc);
  exercise(d, &ec2::parse_vpc_cidr_block);
  exercise(d, &ec2::parse_vpc_peering_connection);
  exercise(d, &ec2::parse_describe_vpc_peering_connections);
  auto run = ec2::parse_run_instances(d);
  if (run.ok()) (void)ec2::to_json(run->reservation).dump();
  auto changes = ec2::parse_instance_state_changes(d);
  if (changes.ok()) {
    for (const auto& change : changes->state_changes) (void)ec2::to_json(change).dump();
  }
  return 0;
}
