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

/// MD5 of the DER SubjectPublicKeyInfo of an RSA key: EC2's fingerprint of an imported RSA key.
Result<std::string> rsa_public_digest(EVP_PKEY* pkey) {
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(pkey, &der);
  if (len <= 0) return key_error("cannot encode the RSA public key");
  std::string spki(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return digest(EVP_md5(), spki);
}

/// Fills public line, fingerprint and (public-key) fingerprint digests of `key` from `pkey`.
Status describe_public(EVP_PKEY* pkey, std::string_view comment, KeyMaterial& key) {
  auto blob = public_blob(pkey, key.type);
  if (!blob) return blob.error();
  key.public_key_line = fmt::format("{} {}", key.type == KeyType::Ed25519 ? "ssh-ed25519" : "ssh-rsa",
                                    base64_encode(*blob));
  if (!comment.empty()) key.public_key_line += fmt::format(" {}", comment);
  if (key.type == KeyType::Ed25519) {
    key.fingerprint_digests = {digest(EVP_sha256(), *blob)};
    key.fingerprint = base64_encode(key.fingerprint_digests.front());
    return {};
  }
  auto md5 = rsa_public_digest(pkey);
  if (!md5) return md5.error();
  key.fingerprint_digests = {*md5};
  key.fingerprint = colon_hex(*md5);
  return {};
}

/// Adds EC2's CreateKeyPair fingerprint digest of an RSA private key (SHA-1 of its PKCS#8 DER) to
/// `key`; see KeyMaterial::fingerprint_digests.
void add_created_rsa_digest(EVP_PKEY* pkey, KeyMaterial& key) {
  PKCS8_PRIV_KEY_INFO* p8 = EVP_PKEY2PKCS8(pkey);
  if (!p8) return;
  unsigned char* der = nullptr;
  int len = i2d_PKCS8_PRIV_KEY_INFO(p8, &der);
  PKCS8_PRIV_KEY_INFO_free(p8);
  if (len <= 0) return;
  std::string info(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_clear_free(der, static_cast<size_t>(len));
  key.fingerprint_digests.push_back(digest(EVP_sha1(), info));
  OPENSSL_cleanse(info.data(), info.size());
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
    if (!pub || pub->size() != 32 || !r.rest().empty()) return key_error("malformed ed25519 public key");
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
    if (!e || !n || !r.rest().empty()) return key_error("malformed RSA public key");
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
  if (key.type == KeyType::Rsa) add_created_rsa_digest(pkey.get(), key);
  return key;
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
  if (type == KeyType::Rsa) add_created_rsa_digest(pkey.get(), key);
  return key;
}

Result<KeyMaterial> parse_private_key(std::string_view file_text, std::string_view comment) {
  if (file_text.find(kOpensshBegin) != std::string_view::npos) return parse_openssh(file_text, comment);
  return parse_pem(file_text, comment);
}

Result<std::string> canonical_public_blob(std::string_view line) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  auto token = [&](std::string_view& rest) {
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    size_t end = std::find_if(rest.begin(), rest.end(), is_space) - rest.begin();
    std::string_view word = rest.substr(0, end);
    rest.remove_prefix(end);
    return word;
  };
  std::string_view name = token(line);
  auto blob = base64_decode(token(line));
  if (name.empty() || !blob || blob->empty()) return key_error("not an OpenSSH public key line");
  if (SshReader(*blob).get_string() != std::optional<std::string_view>(name))
    return key_error(fmt::format("public key line of type '{}' holds another key type", name));
  KeyType type = KeyType::Ed25519;
  auto pkey = pkey_from_blob(*blob, type);
  if (!pkey) return pkey.error();
  return public_blob(pkey->get(), type);
}

}  // namespace ec2::cli
