#include "keys.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>
#include <vector>

#include "api_error.h"

namespace ec2::emu {
namespace {

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BnPtr = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

Error bad_format() { return client_error("InvalidKey.Format", "Key is not in valid OpenSSH public key format"); }
Error crypto_failure(std::string_view what) { return internal_error("Key generation failed: " + std::string(what)); }

void put_u32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void put_string(std::string& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

void put_mpint(std::string& out, const BIGNUM* bn) {
  std::string bytes(BN_num_bytes(bn), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
  if (!bytes.empty() && (static_cast<unsigned char>(bytes[0]) & 0x80)) bytes.insert(bytes.begin(), '\0');
  put_string(out, bytes);
}

/// Reads one SSH wire string from `in` at `pos`.
bool get_string(std::string_view in, size_t& pos, std::string_view& out) {
  if (pos + 4 > in.size()) return false;
  uint32_t len = 0;
  for (int i = 0; i < 4; ++i) len = (len << 8) | static_cast<unsigned char>(in[pos + i]);
  if (pos + 4 + len > in.size()) return false;
  out = in.substr(pos + 4, len);
  pos += 4 + len;
  return true;
}

std::string digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string colon_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out.push_back(':');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xf]);
  }
  return out;
}

std::string ed25519_fingerprint(std::string_view blob) { return base64_encode(digest(EVP_sha256(), blob)); }

std::string rsa_blob(const BIGNUM* e, const BIGNUM* n) {
  std::string blob;
  put_string(blob, "ssh-rsa");
  put_mpint(blob, e);
  put_mpint(blob, n);
  return blob;
}

std::string ed25519_blob(std::string_view raw_public) {
  std::string blob;
  put_string(blob, "ssh-ed25519");
  put_string(blob, raw_public);
  return blob;
}

std::string der_of(int (*encode)(const EVP_PKEY*, unsigned char**), const EVP_PKEY* key) {
  unsigned char* buffer = nullptr;
  int len = encode(key, &buffer);
  std::string out = len > 0 ? std::string(reinterpret_cast<char*>(buffer), len) : std::string();
  OPENSSL_free(buffer);
  return out;
}

std::string pkcs8_der(EVP_PKEY* key) {
  PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(key);
  if (!info) return {};
  unsigned char* buffer = nullptr;
  int len = i2d_PKCS8_PRIV_KEY_INFO(info, &buffer);
  std::string out = len > 0 ? std::string(reinterpret_cast<char*>(buffer), len) : std::string();
  OPENSSL_free(buffer);
  PKCS8_PRIV_KEY_INFO_free(info);
  return out;
}

/// Wraps base64 of `data` at `width` columns between BEGIN/END `label` lines.
std::string armor(std::string_view label, std::string_view data, size_t width) {
  std::string b64 = base64_encode(data);
  std::string out = "-----BEGIN " + std::string(label) + "-----\n";
  for (size_t i = 0; i < b64.size(); i += width) out += b64.substr(i, width) + "\n";
  return out + "-----END " + std::string(label) + "-----\n";
}

Result<GeneratedKey> generate_rsa() {
  PkeyPtr key(EVP_RSA_gen(2048), EVP_PKEY_free);
  if (!key) return crypto_failure("RSA");
  BIGNUM* n = nullptr;
  BIGNUM* e = nullptr;
  EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_RSA_N, &n);
  EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_RSA_E, &e);
  BnPtr n_owner(n, BN_free), e_owner(e, BN_free);
  if (!n || !e) return crypto_failure("RSA parameters");
  GeneratedKey out;
  out.public_key = "ssh-rsa " + base64_encode(rsa_blob(e, n));
  out.fingerprint = colon_hex(digest(EVP_sha1(), pkcs8_der(key.get())));
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_PrivateKey_traditional(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  out.private_key.assign(data, static_cast<size_t>(len));
  while (!out.private_key.empty() && out.private_key.back() == '\n') out.private_key.pop_back();
  return out;
}

/// The `openssh-key-v1` private key container (unencrypted) for an ed25519 key.
std::string openssh_private_ed25519(std::string_view blob, std::string_view pub, std::string_view seed) {
  uint32_t check = 0;
  RAND_bytes(reinterpret_cast<unsigned char*>(&check), sizeof check);
  std::string secret;
  put_u32(secret, check);
  put_u32(secret, check);
  put_string(secret, "ssh-ed25519");
  put_string(secret, pub);
  put_string(secret, std::string(seed) + std::string(pub));
  put_string(secret, "");
  for (char pad = 1; secret.size() % 8 != 0; ++pad) secret.push_back(pad);
  std::string container("openssh-key-v1", 15);  // includes the terminating NUL
  put_string(container, "none");
  put_string(container, "none");
  put_string(container, "");
  put_u32(container, 1);
  put_string(container, blob);
  put_string(container, secret);
  return armor("OPENSSH PRIVATE KEY", container, 70);
}

Result<GeneratedKey> generate_ed25519() {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  if (!key) return crypto_failure("ed25519");
  unsigned char pub[32], seed[32];
  size_t pub_len = sizeof pub, seed_len = sizeof seed;
  if (!EVP_PKEY_get_raw_public_key(key.get(), pub, &pub_len) ||
      !EVP_PKEY_get_raw_private_key(key.get(), seed, &seed_len)) {
    return crypto_failure("ed25519 raw key");
  }
  std::string_view pub_view(reinterpret_cast<char*>(pub), pub_len);
  std::string blob = ed25519_blob(pub_view);
  GeneratedKey out;
  out.public_key = "ssh-ed25519 " + base64_encode(blob);
  out.fingerprint = ed25519_fingerprint(blob);
  out.private_key = openssh_private_ed25519(blob, pub_view, std::string_view(reinterpret_cast<char*>(seed), seed_len));
  while (!out.private_key.empty() && out.private_key.back() == '\n') out.private_key.pop_back();
  return out;
}

/// MD5 of the SubjectPublicKeyInfo DER of the RSA key (e, n).
Result<std::string> rsa_import_fingerprint(std::string_view e, std::string_view n) {
  BnPtr bn_e(BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr), BN_free);
  BnPtr bn_n(BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr), BN_free);
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!bn_e || !bn_n || !bld) return bad_format();
  OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get());
  OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get());
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(bld.get()), OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                                                                 EVP_PKEY_CTX_free);
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) {
    return bad_format();
  }
  PkeyPtr key(raw, EVP_PKEY_free);
  std::string der = der_of([](const EVP_PKEY* k, unsigned char** out) { return i2d_PUBKEY(k, out); }, key.get());
  if (der.empty()) return bad_format();
  return colon_hex(digest(EVP_md5(), der));
}

}  // namespace

std::string base64_encode(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3), '\0');
  int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(len));
  return out;
}

bool base64_decode(std::string_view text, std::string& out) {
  std::string clean;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') clean.push_back(c);
  }
  if (clean.empty() || clean.size() % 4 != 0) return false;
  std::string buffer(clean.size() / 4 * 3, '\0');
  int len = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(buffer.data()),
                            reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
  if (len < 0) return false;
  size_t padding = clean.size() >= 2 && clean[clean.size() - 2] == '=' ? 2 : clean.back() == '=' ? 1 : 0;
  buffer.resize(static_cast<size_t>(len) - padding);
  out = std::move(buffer);
  return true;
}

std::optional<FingerprintFormat> fingerprint_format(std::string_view name) {
  if (name == "aws") return FingerprintFormat::Aws;
  if (name == "hex") return FingerprintFormat::Hex;
  if (name == "md5") return FingerprintFormat::Md5;
  return std::nullopt;
}

std::string fingerprint_in(FingerprintFormat format, std::string_view fingerprint, std::string_view public_key) {
  std::string bytes;
  if (format == FingerprintFormat::Hex && fingerprint.find(':') == std::string_view::npos &&
      base64_decode(fingerprint, bytes)) {
    return colon_hex(bytes);
  }
  if (format == FingerprintFormat::Md5) {
    std::string_view encoded = public_key.substr(public_key.find(' ') + 1);
    if (base64_decode(encoded.substr(0, encoded.find(' ')), bytes)) return colon_hex(digest(EVP_md5(), bytes));
  }
  return std::string(fingerprint);
}

Result<GeneratedKey> generate_key(std::string_view type) {
  if (type == "rsa") return generate_rsa();
  if (type == "ed25519") return generate_ed25519();
  return invalid_value("KeyType", type);
}

Result<ImportedKey> ed25519_from_seed(std::string_view seed) {
  if (seed.size() != 32) return crypto_failure("ed25519 seed must be 32 bytes");
  PkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                           reinterpret_cast<const unsigned char*>(seed.data()), seed.size()),
              EVP_PKEY_free);
  unsigned char pub[32];
  size_t len = sizeof pub;
  if (!key || !EVP_PKEY_get_raw_public_key(key.get(), pub, &len)) return crypto_failure("ed25519 from seed");
  std::string blob = ed25519_blob(std::string_view(reinterpret_cast<char*>(pub), len));
  return ImportedKey{"ed25519", "ssh-ed25519 " + base64_encode(blob), ed25519_fingerprint(blob)};
}

Result<ImportedKey> import_public_key(std::string_view material) {
  while (!material.empty() && (material.back() == '\n' || material.back() == '\r' || material.back() == ' ')) {
    material.remove_suffix(1);
  }
  size_t space = material.find(' ');
  if (space == std::string_view::npos) return bad_format();
  std::string_view algorithm = material.substr(0, space);
  std::string_view rest = material.substr(space + 1);
  std::string_view encoded = rest.substr(0, rest.find(' '));
  std::string blob;
  if (!base64_decode(encoded, blob)) return bad_format();
  size_t pos = 0;
  std::string_view name, a, b;
  if (!get_string(blob, pos, name) || name != algorithm) return bad_format();
  ImportedKey out;
  out.public_key = std::string(algorithm) + " " + std::string(encoded);
  if (algorithm == "ssh-ed25519") {
    if (!get_string(blob, pos, a) || a.size() != 32 || pos != blob.size()) return bad_format();
    out.type = "ed25519";
    out.fingerprint = ed25519_fingerprint(blob);
    return out;
  }
  if (algorithm != "ssh-rsa" || !get_string(blob, pos, a) || !get_string(blob, pos, b) || pos != blob.size()) {
    return bad_format();
  }
  auto fingerprint = rsa_import_fingerprint(a, b);
  if (!fingerprint) return fingerprint.error();
  out.type = "rsa";
  out.fingerprint = std::move(*fingerprint);
  return out;
}

}  // namespace ec2::emu
