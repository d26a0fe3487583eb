#include "key_material.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include "ssh_wire.h"

namespace ec2::cli {
namespace {

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using BnPtr = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

constexpr std::string_view kOpensshBegin = "-----BEGIN OPENSSH PRIVATE KEY-----";
constexpr std::string_view kOpensshEnd = "-----END OPENSSH PRIVATE KEY-----";
constexpr std::string_view kOpensshMagic{"openssh-key-v1\0", 15};

Error key_error(std::string message) {
  return make_error(ErrorCategory::Client, "InvalidKeyFile", std::move(message));
}

std::string digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string colon_hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out.push_back(':');
    out += fmt::format("{:02x}", c);
  }
  return out;
}

std::string bn_bytes(const BIGNUM* bn) {
  std::string out(static_cast<size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

/// The public-key blob (`string type, ...`) of an ed25519 or RSA key.
Result<std::string> public_blob(EVP_PKEY* pkey, KeyType type) {
  SshWriter w;
  if (type == KeyType::Ed25519) {
    unsigned char pub[32];
    size_t len = sizeof pub;
    if (EVP_PKEY_get_raw_public_key(pkey, pub, &len) != 1 || len != 32)
      return key_error("cannot read the ed25519 public key");
    w.put_string("ssh-ed25519");
    w.put_string(std::string_view(reinterpret_cast<char*>(pub), len));
    return w.bytes();
  }
  BIGNUM* n = nullptr;
  BIGNUM* e = nullptr;
  EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n);
  EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e);
  BnPtr n_ptr(n, BN_free), e_ptr(e, BN_free);
  if (!n || !e) return key_error("cannot read the RSA public key");
  w.put_string("ssh-rsa");
  w.put_mpint(bn_bytes(e));
  w.put_mpint(bn_bytes(n));
  return w.bytes();
}

/// EC2's fingerprint for an imported key (see KeyMaterial::fingerprint).
Result<std::string> ec2_fingerprint(EVP_PKEY* pkey, KeyType type, std::string_view blob) {
  if (type == KeyType::Ed25519) return base64_encode(digest(EVP_sha256(), blob));
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(pkey, &der);
  if (len <= 0) return key_error("cannot encode the RSA public key");
  std::string spki(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return colon_hex(digest(EVP_md5(), spki));
}

/// Fills public line and fingerprint of `key` from `pkey`.
Status describe_public(EVP_PKEY* pkey, std::string_view comment, KeyMaterial& key) {
  auto blob = public_blob(pkey, key.type);
  if (!blob) return blob.error();
  auto fp = ec2_fingerprint(pkey, key.type, *blob);
  if (!fp) return fp.error();
  key.public_key_line = fmt::format("{} {}", key.type == KeyType::Ed25519 ? "ssh-ed25519" : "ssh-rsa",
                                    base64_encode(*blob));
  if (!comment.empty()) key.public_key_line += fmt::format(" {}", comment);
  key.fingerprint = std::move(*fp);
  return {};
}

/// EC2's CreateKeyPair fingerprint of an RSA private key (see KeyMaterial::created_fingerprint).
std::string created_rsa_fingerprint(EVP_PKEY* pkey) {
  PKCS8_PRIV_KEY_INFO* p8 = EVP_PKEY2PKCS8(pkey);
  if (!p8) return "";
  unsigned char* der = nullptr;
  int len = i2d_PKCS8_PRIV_KEY_INFO(p8, &der);
  PKCS8_PRIV_KEY_INFO_free(p8);
  if (len <= 0) return "";
  std::string info(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_clear_free(der, static_cast<size_t>(len));
  std::string fp = colon_hex(digest(EVP_sha1(), info));
  OPENSSL_cleanse(info.data(), info.size());
  return fp;
}

std::string wrap_pem(std::string_view begin, std::string_view body, std::string_view end) {
  std::string out(begin);
  out.push_back('\n');
  std::string b64 = base64_encode(body);
  for (size_t i = 0; i < b64.size(); i += 70) out += b64.substr(i, 70) + "\n";
  out += std::string(end) + "\n";
  return out;
}

/// The OpenSSH private-key file (PROTOCOL.key, unencrypted) of an ed25519 key.
Result<std::string> openssh_ed25519_file(EVP_PKEY* pkey, std::string_view blob, std::string_view comment) {
  unsigned char seed[32], pub[32];
  size_t seed_len = sizeof seed, pub_len = sizeof pub;
  if (EVP_PKEY_get_raw_private_key(pkey, seed, &seed_len) != 1 ||
      EVP_PKEY_get_raw_public_key(pkey, pub, &pub_len) != 1)
    return key_error("cannot read the ed25519 key");
  uint32_t check = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&check), sizeof check) != 1)
    return key_error("no randomness for the key file");
  std::string secret(reinterpret_cast<char*>(seed), seed_len);
  secret.append(reinterpret_cast<char*>(pub), pub_len);

  SshWriter priv;
  priv.put_u32(check);
  priv.put_u32(check);
  priv.put_string("ssh-ed25519");
  priv.put_string(std::string_view(reinterpret_cast<char*>(pub), pub_len));
  priv.put_string(secret);
  priv.put_string(comment);
  for (char pad = 1; priv.bytes().size() % 8 != 0; ++pad) priv.put_raw(std::string_view(&pad, 1));
  OPENSSL_cleanse(secret.data(), secret.size());
  OPENSSL_cleanse(seed, sizeof seed);

  SshWriter file;
  file.put_raw(kOpensshMagic);
  file.put_string("none");
  file.put_string("none");
  file.put_string("");
  file.put_u32(1);
  file.put_string(blob);
  file.put_string(priv.bytes());
  return wrap_pem(kOpensshBegin, file.bytes(), kOpensshEnd);
}

Result<std::string> pem_rsa_file(EVP_PKEY* pkey) {
  BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || PEM_write_bio_PrivateKey_traditional(bio.get(), pkey, nullptr, nullptr, 0, nullptr,
                                                   nullptr) != 1)
    return key_error("cannot encode the RSA private key");
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

/// An RSA EVP_PKEY holding only the public numbers `e` and `n` (big-endian magnitudes).
PkeyPtr rsa_public_key(std::string_view e, std::string_view n) {
  PkeyPtr out(nullptr, EVP_PKEY_free);
  auto to_bn = [](std::string_view v) {
    return BnPtr(BN_bin2bn(reinterpret_cast<const unsigned char*>(v.data()), static_cast<int>(v.size()),
                           nullptr), BN_free);
  };
  BnPtr bn_n = to_bn(n), bn_e = to_bn(e);
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(),
                                                                      OSSL_PARAM_BLD_free);
  if (!bn_n || !bn_e || !bld) return out;
  OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get());
  OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get());
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(bld.get()),
                                                                 OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* pkey = nullptr;
  if (params && ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1 &&
      EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params.get()) == 1)
    out.reset(pkey);
  return out;
}

/// The public key an OpenSSH public blob describes.
Result<PkeyPtr> pkey_from_blob(std::string_view blob, KeyType& type) {
  SshReader r(blob);
  auto name = r.get_string();
  if (name == std::optional<std::string_view>("ssh-ed25519")) {
    auto pub = r.get_string();
    if (!pub || pub->size() != 32) return key_error("malformed ed25519 public key");
    type = KeyType::Ed25519;
    PkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                             reinterpret_cast<const unsigned char*>(pub->data()),
                                             pub->size()),
                 EVP_PKEY_free);
    if (!pkey) return key_error("malformed ed25519 public key");
    return pkey;
  }
  if (name == std::optional<std::string_view>("ssh-rsa")) {
    auto e = r.get_string();
    auto n = r.get_string();
    if (!e || !n) return key_error("malformed RSA public key");
    type = KeyType::Rsa;
    PkeyPtr pkey = rsa_public_key(*e, *n);
    if (!pkey) return key_error("malformed RSA public key");
    return pkey;
  }
  return key_error(fmt::format("unsupported key type '{}' (only ssh-ed25519 and ssh-rsa)",
                               name ? std::string(*name) : std::string("?")));
}

/// Checks that the private part of an unencrypted OpenSSH ed25519 entry (after its check words
/// and type) derives the public key of `blob`.
Status check_ed25519_private(SshReader& r, std::string_view blob) {
  auto pub = r.get_string();
  auto secret = r.get_string();
  if (!pub || !secret || secret->size() != 64) return key_error("corrupt OpenSSH ed25519 private key");
  PkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                            reinterpret_cast<const unsigned char*>(secret->data()), 32),
               EVP_PKEY_free);
  auto derived = pkey ? public_blob(pkey.get(), KeyType::Ed25519) : Result<std::string>(key_error(""));
  if (!derived || *derived != blob) return key_error("OpenSSH private key does not match its public key");
  return {};
}

/// Parses an OpenSSH private-key file. The fingerprint comes from its public section, which is
/// readable even when the private section is encrypted; an unencrypted private section must
/// carry matching check words and the same public key.
Result<KeyMaterial> parse_openssh(std::string_view text, std::string_view comment) {
  auto begin = text.find(kOpensshBegin);
  auto end = text.find(kOpensshEnd);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
    return key_error("not an OpenSSH private key");
  std::string b64;
  for (char c : text.substr(begin + kOpensshBegin.size(), end - begin - kOpensshBegin.size()))
    if (!std::isspace(static_cast<unsigned char>(c))) b64.push_back(c);
  auto raw = base64_decode(b64);
  if (!raw || raw->compare(0, kOpensshMagic.size(), kOpensshMagic) != 0)
    return key_error("malformed OpenSSH private key");
  SshReader r(std::string_view(*raw).substr(kOpensshMagic.size()));
  auto cipher = r.get_string();
  auto kdf = r.get_string();
  auto kdf_options = r.get_string();
  auto count = r.get_u32();
  auto blob = r.get_string();
  auto priv = r.get_string();
  if (!cipher || !kdf || !kdf_options || count != 1u || !blob || !priv)
    return key_error("malformed OpenSSH private key");
  KeyMaterial key;
  auto pkey = pkey_from_blob(*blob, key.type);
  if (!pkey) return pkey.error();
  if (*cipher == "none") {
    SshReader pr(*priv);
    auto c1 = pr.get_u32(), c2 = pr.get_u32();
    auto type_name = pr.get_string();
    if (!c1 || c1 != c2 || !type_name) return key_error("corrupt OpenSSH private key");
    if (key.type == KeyType::Ed25519) EC2_TRY(check_ed25519_private(pr, *blob));
  }
  key.private_key_file = std::string(text);
  EC2_TRY(describe_public(pkey->get(), comment, key));
  return key;
}

Result<KeyMaterial> parse_pem(std::string_view text, std::string_view comment) {
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), BIO_free);
  auto no_passphrase = [](char*, int, int, void*) { return 0; };
  PkeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr), EVP_PKEY_free);
  if (!pkey) return key_error("not a readable unencrypted PEM private key");
  KeyMaterial key;
  if (EVP_PKEY_is_a(pkey.get(), "ED25519")) {
    key.type = KeyType::Ed25519;
  } else if (EVP_PKEY_is_a(pkey.get(), "RSA")) {
    key.type = KeyType::Rsa;
  } else {
    return key_error("unsupported private key type (only ed25519 and RSA)");
  }
  key.private_key_file = std::string(text);
  EC2_TRY(describe_public(pkey.get(), comment, key));
  if (key.type == KeyType::Rsa) key.created_fingerprint = created_rsa_fingerprint(pkey.get());
  return key;
}

std::string normalize_fingerprint(std::string_view fp) {
  if (fp.starts_with("SHA256:")) fp.remove_prefix(7);
  while (fp.ends_with('=')) fp.remove_suffix(1);
  return std::string(fp);
}

}  // namespace

std::string_view to_string(KeyType type) { return type == KeyType::Ed25519 ? "ed25519" : "rsa"; }

Result<KeyMaterial> generate_key(KeyType type, std::string_view comment, int rsa_bits) {
  EVP_PKEY* raw = type == KeyType::Ed25519
                      ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(rsa_bits));
  PkeyPtr pkey(raw, EVP_PKEY_free);
  if (!pkey) return key_error(fmt::format("cannot generate an {} key", to_string(type)));
  KeyMaterial key;
  key.type = type;
  EC2_TRY(describe_public(pkey.get(), comment, key));
  Result<std::string> file = type == KeyType::Ed25519
                                 ? openssh_ed25519_file(pkey.get(), *public_blob(pkey.get(), type), comment)
                                 : pem_rsa_file(pkey.get());
  if (!file) return file.error();
  key.private_key_file = std::move(*file);
  if (type == KeyType::Rsa) key.created_fingerprint = created_rsa_fingerprint(pkey.get());
  return key;
}

Result<KeyMaterial> parse_private_key(std::string_view file_text, std::string_view comment) {
  if (file_text.find(kOpensshBegin) != std::string_view::npos) return parse_openssh(file_text, comment);
  return parse_pem(file_text, comment);
}

bool same_fingerprint(std::string_view a, std::string_view b) {
  std::string x = normalize_fingerprint(a), y = normalize_fingerprint(b);
  bool hex = x.find(':') != std::string::npos;
  if (!hex) return x == y;
  return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](char p, char q) {
    return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
  });
}

}  // namespace ec2::cli
