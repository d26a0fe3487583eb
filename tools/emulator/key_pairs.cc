// Key pairs: CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair.
#include <algorithm>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "filters.h"
#include "keys.h"
#include "registry.h"

namespace ec2::emu {
namespace {

Error key_not_found(std::string_view name) {
  return client_error("InvalidKeyPair.NotFound", fmt::format("The key pair '{}' does not exist", name));
}

const FilterSet<KeyPair>& key_filters() {
  static const FilterSet<KeyPair> set = [] {
    FilterSet<KeyPair> s;
    s.value("key-name", [](const KeyPair& k) { return std::string_view(k.name); })
        .value("key-pair-id", [](const KeyPair& k) { return std::string_view(k.id); })
        .value("fingerprint", [](const KeyPair& k) { return std::string_view(k.fingerprint); })
        .value("key-type", [](const KeyPair& k) { return std::string_view(k.type); })
        .with_tags([](const KeyPair& k) { return std::string_view(k.id); });
    return s;
  }();
  return set;
}

/// Validates the name and that it is free; reads key-pair tags.
Status prepare_key(Call& call, std::string& name, Tags& tags) {
  auto key_name = call.params.required("KeyName");
  if (!key_name) return key_name.error();
  name = *key_name;
  if (name.size() > 255 || std::any_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e;
      })) {
    return invalid_value(fmt::format("Value ({}) for parameter keyName is invalid. Use 1-255 ASCII characters.", name));
  }
  auto requested = call.params.tags_for("key-pair");
  if (!requested) return requested.error();
  tags = std::move(*requested);
  if (call.state().key_pairs.count(name)) {
    return client_error("InvalidKeyPair.Duplicate", fmt::format("The keypair '{}' already exists.", name));
  }
  return {};
}

/// Stores a new key pair; `fingerprint` is EC2's, kept in the world's fingerprint format.
KeyPair& store_key(Call& call, const std::string& name, std::string type, const std::string& fingerprint,
                   std::string public_key, const Tags& tags) {
  KeyPair key;
  key.id = call.world->ids.next("key-");
  key.name = name;
  key.type = std::move(type);
  key.fingerprint = fingerprint_in(call.world->key_pair_style.fingerprints, fingerprint, public_key);
  key.public_key = std::move(public_key);
  key.create_time = call.now;
  RegionState& region = call.state();
  if (!tags.empty()) region.tags.set_all(key.id, tags);
  return region.key_pairs[name] = std::move(key);
}

Status create_key_pair(Call& call, XmlWriter& xml) {
  std::string name;
  Tags tags;
  EC2_TRY(prepare_key(call, name, tags));
  std::string type = call.params.get("KeyType", "rsa");
  if (type != "rsa" && type != "ed25519") return invalid_value("KeyType", type);
  std::string format = call.params.get("KeyFormat", "pem");
  if (format != "pem") return invalid_value(fmt::format("Key format '{}' is not supported here; use 'pem'.", format));
  EC2_TRY(call.check_dry_run());
  auto generated = generate_key(type);
  if (!generated) return generated.error();
  KeyPair& key = store_key(call, name, type, generated->fingerprint, generated->public_key, tags);
  xml.leaf("keyName", key.name).leaf("keyFingerprint", key.fingerprint);
  xml.leaf("keyMaterial", generated->private_key).leaf("keyPairId", key.id);
  write_tag_set(xml, tags);
  return {};
}

Status import_key_pair(Call& call, XmlWriter& xml) {
  std::string name;
  Tags tags;
  EC2_TRY(prepare_key(call, name, tags));
  auto material = call.params.required("PublicKeyMaterial");
  if (!material) return material.error();
  std::string text;
  if (!base64_decode(*material, text)) text = *material;
  auto imported = import_public_key(text);
  if (!imported) return imported.error();
  EC2_TRY(call.check_dry_run());
  KeyPair& key = store_key(call, name, imported->type, imported->fingerprint, imported->public_key, tags);
  xml.leaf("keyFingerprint", key.fingerprint).leaf("keyName", key.name).leaf("keyPairId", key.id);
  write_tag_set(xml, tags);
  return {};
}

Status describe_key_pairs(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(key_filters().validate(*filters));
  auto include_public = call.params.boolean("IncludePublicKey");
  if (!include_public) return include_public.error();
  RegionState& region = call.state();
  std::vector<std::string> names = call.params.list("KeyName");
  std::vector<std::string> ids = call.params.list("KeyPairId");
  for (const std::string& name : names) {
    if (!region.key_pairs.count(name)) return key_not_found(name);
  }
  for (const std::string& id : ids) {
    bool known = std::any_of(region.key_pairs.begin(), region.key_pairs.end(), [&](auto& kv) { return kv.second.id == id; });
    if (!known) return key_not_found(id);
  }
  xml.open("keySet");
  for (auto& [name, key] : region.key_pairs) {
    if (!names.empty() && std::find(names.begin(), names.end(), name) == names.end()) continue;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), key.id) == ids.end()) continue;
    if (!key_filters().matches(key, *filters, region.tags)) continue;
    xml.open("item").leaf("keyPairId", key.id).leaf("keyType", key.type);
    write_tag_set(xml, region.tags.of(key.id));
    xml.leaf("keyName", key.name).leaf("keyFingerprint", key.fingerprint);
    if (*include_public && call.world->key_pair_style.public_key) xml.leaf("publicKey", key.public_key);
    xml.leaf("createTime", iso8601(key.create_time)).close();
  }
  xml.close();
  return {};
}

Status delete_key_pair(Call& call, XmlWriter& xml) {
  std::string name = call.params.get("KeyName");
  std::string id = call.params.get("KeyPairId");
  if (name.empty() && id.empty()) return missing_parameter("KeyName");
  RegionState& region = call.state();
  auto it = region.key_pairs.end();
  if (!id.empty()) {
    it = std::find_if(region.key_pairs.begin(), region.key_pairs.end(), [&](auto& kv) { return kv.second.id == id; });
    if (it == region.key_pairs.end()) return key_not_found(id);
  } else {
    it = region.key_pairs.find(name);
  }
  EC2_TRY(call.check_dry_run());
  std::string deleted_id;
  if (it != region.key_pairs.end()) {
    deleted_id = it->second.id;
    region.tags.erase(deleted_id);
    region.key_pairs.erase(it);
  }
  xml.leaf("return", "true").leaf_if("keyPairId", deleted_id);
  return {};
}

void register_key_pairs(ActionRegistry& registry) {
  registry.on("CreateKeyPair", create_key_pair)
      .on("ImportKeyPair", import_key_pair)
      .on("DescribeKeyPairs", describe_key_pairs)
      .on("DeleteKeyPair", delete_key_pair);
}
EC2EMU_MODULE(register_key_pairs);

}  // namespace
}  // namespace ec2::emu
