#pragma once
/// Key pairs: CreateKeyPair, ImportKeyPair, DeleteKeyPair, DescribeKeyPairs.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/key_pair.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

struct CreateKeyPairRequest {
  std::string key_name;                              ///< KeyName
  std::optional<std::string> key_type;               ///< KeyType: "rsa" | "ed25519"
  std::optional<std::string> key_format;             ///< KeyFormat: "pem" | "ppk"
  std::vector<TagSpecification> tag_specifications;  ///< TagSpecification.N (resource "key-pair")
  bool dry_run = false;                              ///< DryRun
};

/// CreateKeyPair output; `key_material` is the private key, returned only this once.
struct CreateKeyPairResponse {
  std::string request_id;
  std::optional<std::string> key_fingerprint;  ///< KeyFingerprint
  std::optional<std::string> key_material;     ///< KeyMaterial
  std::optional<std::string> key_name;         ///< KeyName
  std::optional<std::string> key_pair_id;      ///< KeyPairId
  std::optional<Tags> tags;                    ///< Tags
};

QueryParams to_params(const CreateKeyPairRequest& request);
Result<CreateKeyPairResponse> parse_create_key_pair(const pugi::xml_document& doc);
nlohmann::json to_json(const CreateKeyPairResponse& response);
Result<CreateKeyPairResponse> create_key_pair(const Client& client,
                                              const CreateKeyPairRequest& request);

/// ImportKeyPair input. `public_key_material` is the OpenSSH public key text; it is
/// base64-encoded on the wire as the API requires.
struct ImportKeyPairRequest {
  std::string key_name;                              ///< KeyName
  std::string public_key_material;                   ///< PublicKeyMaterial
  std::vector<TagSpecification> tag_specifications;  ///< TagSpecification.N
  bool dry_run = false;                              ///< DryRun
};

struct ImportKeyPairResponse {
  std::string request_id;
  std::optional<std::string> key_fingerprint;
  std::optional<std::string> key_name;
  std::optional<std::string> key_pair_id;
  std::optional<Tags> tags;
};

QueryParams to_params(const ImportKeyPairRequest& request);
Result<ImportKeyPairResponse> parse_import_key_pair(const pugi::xml_document& doc);
nlohmann::json to_json(const ImportKeyPairResponse& response);
Result<ImportKeyPairResponse> import_key_pair(const Client& client,
                                              const ImportKeyPairRequest& request);

/// DeleteKeyPair input: by name or by id.
struct DeleteKeyPairRequest {
  std::optional<std::string> key_name;     ///< KeyName
  std::optional<std::string> key_pair_id;  ///< KeyPairId
  bool dry_run = false;                    ///< DryRun
};

QueryParams to_params(const DeleteKeyPairRequest& request);
Result<EmptyResponse> delete_key_pair(const Client& client, const DeleteKeyPairRequest& request);

struct DescribeKeyPairsRequest {
  std::vector<std::string> key_names;      ///< KeyName.N
  std::vector<std::string> key_pair_ids;   ///< KeyPairId.N
  Filters filters;                         ///< Filter.N
  std::optional<bool> include_public_key;  ///< IncludePublicKey
  bool dry_run = false;                    ///< DryRun
};

struct DescribeKeyPairsResponse {
  std::string request_id;
  std::vector<KeyPairInfo> key_pairs;
};

QueryParams to_params(const DescribeKeyPairsRequest& request);
Result<DescribeKeyPairsResponse> parse_describe_key_pairs(const pugi::xml_document& doc);
/// `{"KeyPairs": [...]}`.
nlohmann::json to_json(const DescribeKeyPairsResponse& response);
Result<DescribeKeyPairsResponse> describe_key_pairs(const Client& client,
                                                    const DescribeKeyPairsRequest& request = {});

}  // namespace ec2
