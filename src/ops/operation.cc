#include "ops/operation.h"

namespace ec2 {

bool is_dry_run_success(const Error& error) { return error.code == "DryRunOperation"; }

std::string encode_base64(std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t n = (uint8_t(data[i]) << 16) | (uint8_t(data[i + 1]) << 8) | uint8_t(data[i + 2]);
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (size_t rest = data.size() - i; rest > 0) {
    uint32_t n = uint8_t(data[i]) << 16;
    if (rest == 2) n |= uint8_t(data[i + 1]) << 8;
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

namespace ops {

void add_dry_run(QueryParams& params, bool dry_run) {
  if (dry_run) params.set_bool("DryRun", true);
}

void add_tag_specifications(QueryParams& params, const std::vector<TagSpecification>& specs) {
  for (const TagSpecification& spec : specs) {
    params.add_tag_specification(spec.resource_type, spec.tags);
  }
}

void set_optional(QueryParams& params, const std::string& key,
                  const std::optional<std::string>& value) {
  if (value) params.set(key, *value);
}

void set_optional(QueryParams& params, const std::string& key, const std::optional<int>& value) {
  if (value) params.set_int(key, *value);
}

void set_optional(QueryParams& params, const std::string& key, const std::optional<bool>& value) {
  if (value) params.set_bool(key, *value);
}

}  // namespace ops
}  // namespace ec2
