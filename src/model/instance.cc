#include "ec2/model/instance.h"

#include "ec2/model/json_builder.h"
#include "model/instance_schema.h"
#include "model/visit_xml.h"

namespace ec2 {

EC2_MODEL_DEFINE_IO(Monitoring)
EC2_MODEL_DEFINE_IO(Placement)
EC2_MODEL_DEFINE_IO(EbsInstanceBlockDevice)
EC2_MODEL_DEFINE_IO(InstanceBlockDeviceMapping)
EC2_MODEL_DEFINE_IO(IamInstanceProfile)
EC2_MODEL_DEFINE_IO(ElasticGpuAssociation)
EC2_MODEL_DEFINE_IO(ElasticInferenceAcceleratorAssociation)
EC2_MODEL_DEFINE_IO(InstanceNetworkInterfaceAssociation)
EC2_MODEL_DEFINE_IO(InstanceNetworkInterfaceAttachment)
EC2_MODEL_DEFINE_IO(InstanceIpv6Address)
EC2_MODEL_DEFINE_IO(InstancePrivateIpAddress)
EC2_MODEL_DEFINE_IO(InstanceIpv4Prefix)
EC2_MODEL_DEFINE_IO(InstanceIpv6Prefix)
EC2_MODEL_DEFINE_IO(InstanceNetworkInterface)
EC2_MODEL_DEFINE_IO(CpuOptions)
EC2_MODEL_DEFINE_IO(CapacityReservationTargetResponse)
EC2_MODEL_DEFINE_IO(CapacityReservationSpecificationResponse)
EC2_MODEL_DEFINE_IO(HibernationOptions)
EC2_MODEL_DEFINE_IO(LicenseConfiguration)
EC2_MODEL_DEFINE_IO(InstanceMetadataOptionsResponse)
EC2_MODEL_DEFINE_IO(EnclaveOptions)
EC2_MODEL_DEFINE_IO(PrivateDnsNameOptionsResponse)
EC2_MODEL_DEFINE_IO(InstanceMaintenanceOptions)
EC2_MODEL_DEFINE_IO(Instance)
EC2_MODEL_DEFINE_IO(Reservation)
EC2_MODEL_DEFINE_IO(InstanceStateChange)

nlohmann::ordered_json to_ordered_json(const Instance& value) {
  return model::json_value<nlohmann::ordered_json>(value);
}

nlohmann::ordered_json to_ordered_json(const Instance& value, const std::function<bool(std::string_view)>& keep) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  std::apply([&](const auto&... f) { ((f.json && keep(f.json) ? model::put(object, f.json, value.*(f.member)) : void()), ...); },
             model::Schema<Instance>::fields);
  return object;
}

void visit(const Instance& instance, ModelVisitor& visitor) { model::visit_value(visitor, instance); }

Status visit_xml(pugi::xml_node instance, ModelVisitor& visitor) {
  return model::visit_xml_status<Instance>(instance, visitor);
}

Result<nlohmann::ordered_json> to_ordered_json_from_xml(pugi::xml_node instance,
                                                        const std::function<bool(std::string_view)>& keep) {
  JsonBuilder builder(keep);
  if (auto status = visit_xml(instance, builder); !status) return status.error();
  return std::move(builder.result);
}

Status visit_reservation_xml(pugi::xml_node reservation, ModelVisitor& visitor) {
  return model::visit_xml_status<Reservation>(reservation, visitor);
}

}  // namespace ec2
