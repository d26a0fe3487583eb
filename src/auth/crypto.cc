#include "auth/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cstdlib>
#include <cstring>

namespace ec2::crypto {
namespace {

/// Algorithms are fetched once per process: fetching is the expensive part of EVP.
struct Algorithms {
  EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  Algorithms() {
    if (sha256 == nullptr || hmac == nullptr) std::abort();  // OpenSSL without SHA-256: unusable.
  }
  ~Algorithms() {
    EVP_MD_free(sha256);
    EVP_MAC_free(hmac);
  }
};

const Algorithms& algorithms() {
  static const Algorithms algs;
  return algs;
}

/// Per-thread contexts, reused across calls.
struct ThreadContexts {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  EVP_MAC_CTX* mac = EVP_MAC_CTX_new(algorithms().hmac);
  EVP_MAC_CTX* keyed = EVP_MAC_CTX_new(algorithms().hmac);  ///< Holds `keyed_key`'s state.
  Digest keyed_key{};
  bool keyed_valid = false;
  ThreadContexts() {
    if (md == nullptr || mac == nullptr || keyed == nullptr) std::abort();
  }
  ~ThreadContexts() {
    EVP_MD_CTX_free(md);
    EVP_MAC_CTX_free(mac);
    EVP_MAC_CTX_free(keyed);
  }
};

ThreadContexts& contexts() {
  thread_local ThreadContexts ctx;
  return ctx;
}

bool mac_init(EVP_MAC_CTX* ctx, const void* key, size_t key_len) {
  char digest_name[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end()};
  return EVP_MAC_init(ctx, static_cast<const unsigned char*>(key), key_len, params) == 1;
}

Digest mac_finish(EVP_MAC_CTX* ctx, std::string_view data) {
  Digest out{};
  size_t len = 0;
  if (EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
      EVP_MAC_final(ctx, out.data(), &len, out.size()) != 1) {
    std::abort();  // Only fails on allocation failure or a broken OpenSSL.
  }
  return out;
}

}  // namespace

Digest sha256(std::string_view data) {
  EVP_MD_CTX* ctx = contexts().md;
  Digest out{};
  unsigned int len = 0;
  if (EVP_DigestInit_ex2(ctx, algorithms().sha256, nullptr) != 1 ||
      EVP_DigestUpdate(ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx, out.data(), &len) != 1) {
    std::abort();
  }
  return out;
}

Digest hmac_sha256(std::string_view key, std::string_view data) {
  EVP_MAC_CTX* ctx = contexts().mac;
  // HMAC needs a non-null key pointer even for an empty key.
  static const unsigned char kEmpty = 0;
  const void* key_ptr = key.empty() ? static_cast<const void*>(&kEmpty) : key.data();
  if (!mac_init(ctx, key_ptr, key.size())) std::abort();
  return mac_finish(ctx, data);
}

Digest hmac_sha256(const Digest& key, std::string_view data) {
  ThreadContexts& tc = contexts();
  if (tc.keyed_valid && tc.keyed_key == key) {
    // Re-initialising without a key restarts from the saved keyed state.
    if (EVP_MAC_init(tc.keyed, nullptr, 0, nullptr) != 1) std::abort();
  } else {
    if (!mac_init(tc.keyed, key.data(), key.size())) std::abort();
    tc.keyed_key = key;
    tc.keyed_valid = true;
  }
  return mac_finish(tc.keyed, data);
}

void write_hex(char* out, const Digest& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::uint8_t b : bytes) {
    *out++ = kDigits[b >> 4];
    *out++ = kDigits[b & 0xf];
  }
}

void append_hex(std::string& out, const Digest& bytes) {
  size_t at = out.size();
  out.resize(at + bytes.size() * 2);
  write_hex(out.data() + at, bytes);
}

std::string hex(const Digest& bytes) {
  std::string out;
  append_hex(out, bytes);
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ec2::crypto
