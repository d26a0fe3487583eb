#include "ec2/ops/keypairs.h"

#include "model/key_pair_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<CreateKeyPairResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &CreateKeyPairResponse::request_id),
      field("KeyFingerprint", "keyFingerprint", &CreateKeyPairResponse::key_fingerprint),
      field("KeyMaterial", "keyMaterial", &CreateKeyPairResponse::key_material),
      field("KeyName", "keyName", &CreateKeyPairResponse::key_name),
      field("KeyPairId", "keyPairId", &CreateKeyPairResponse::key_pair_id),
      field("Tags", "tagSet", &CreateKeyPairResponse::tags));
};

template <>
struct Schema<ImportKeyPairResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &ImportKeyPairResponse::request_id),
      field("KeyFingerprint", "keyFingerprint", &ImportKeyPairResponse::key_fingerprint),
      field("KeyName", "keyName", &ImportKeyPairResponse::key_name),
      field("KeyPairId", "keyPairId", &ImportKeyPairResponse::key_pair_id),
      field("Tags", "tagSet", &ImportKeyPairResponse::tags));
};

template <>
struct Schema<DescribeKeyPairsResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeKeyPairsResponse::request_id),
      field("KeyPairs", "keySet", &DescribeKeyPairsResponse::key_pairs));
};

}  // namespace model

QueryParams to_params(const CreateKeyPairRequest& request) {
  QueryParams params;
  params.set("KeyName", request.key_name);
  ops::set_optional(params, "KeyType", request.key_type);
  ops::add_tag_specifications(params, request.tag_specifications);
  ops::set_optional(params, "KeyFormat", request.key_format);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<CreateKeyPairResponse> parse_create_key_pair(const pugi::xml_document& doc) {
  return ops::parse_response<CreateKeyPairResponse>(doc);
}

nlohmann::json to_json(const CreateKeyPairResponse& response) {
  return model::json_value(response);
}

Result<CreateKeyPairResponse> create_key_pair(const Client& client,
                                              const CreateKeyPairRequest& request) {
  return ops::invoke(client, "CreateKeyPair", to_params(request), "create key pair",
                     &parse_create_key_pair);
}

QueryParams to_params(const ImportKeyPairRequest& request) {
  QueryParams params;
  params.set("KeyName", request.key_name);
  params.set("PublicKeyMaterial", encode_base64(request.public_key_material));
  ops::add_tag_specifications(params, request.tag_specifications);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<ImportKeyPairResponse> parse_import_key_pair(const pugi::xml_document& doc) {
  return ops::parse_response<ImportKeyPairResponse>(doc);
}

nlohmann::json to_json(const ImportKeyPairResponse& response) {
  return model::json_value(response);
}

Result<ImportKeyPairResponse> import_key_pair(const Client& client,
                                              const ImportKeyPairRequest& request) {
  return ops::invoke(client, "ImportKeyPair", to_params(request), "import key pair",
                     &parse_import_key_pair);
}

QueryParams to_params(const DeleteKeyPairRequest& request) {
  QueryParams params;
  ops::set_optional(params, "KeyName", request.key_name);
  ops::set_optional(params, "KeyPairId", request.key_pair_id);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<EmptyResponse> delete_key_pair(const Client& client, const DeleteKeyPairRequest& request) {
  return ops::invoke(client, "DeleteKeyPair", to_params(request), "delete key pair",
                     &ops::parse_response<EmptyResponse>);
}

QueryParams to_params(const DescribeKeyPairsRequest& request) {
  QueryParams params;
  params.set_filters(request.filters);
  params.set_list("KeyName", request.key_names);
  params.set_list("KeyPairId", request.key_pair_ids);
  ops::set_optional(params, "IncludePublicKey", request.include_public_key);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<DescribeKeyPairsResponse> parse_describe_key_pairs(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeKeyPairsResponse>(doc);
}

nlohmann::json to_json(const DescribeKeyPairsResponse& response) {
  return model::json_value(response);
}

Result<DescribeKeyPairsResponse> describe_key_pairs(const Client& client,
                                                    const DescribeKeyPairsRequest& request) {
  return ops::invoke(client, "DescribeKeyPairs", to_params(request), "describe key pairs",
                     &parse_describe_key_pairs);
}

}  // namespace ec2
