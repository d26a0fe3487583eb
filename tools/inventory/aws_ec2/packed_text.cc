#include "packed_text.h"

#include <zstd.h>

#include <memory>
#include <stdexcept>

namespace ec2::inventory::aws_ec2 {
namespace {

/// A fast negative level: packing happens while pages arrive, on the fetch threads, where CPU is
/// what the run waits for. Measured on the 10,000 hosts of the benchmark fleet as compact text
/// (25.7 MB): level 1 packs them to 3.5 MB in 60 ms, level -3 to 4.4 MB in 27 ms; laid out for
/// --list (50 MB) level -3 packs them to 5.2 MB, at about the same speed as levels -1 to -15.
constexpr int kLevel = -3;

/// The process's dictionary, made from the first text packed (its content only matters for the
/// compression ratio, never for correctness: unpack always uses the same one).
class Dictionary {
 public:
  explicit Dictionary(std::string_view first)
      : text_(first),
        compress_(ZSTD_createCDict(text_.data(), text_.size(), kLevel)),
        decompress_(ZSTD_createDDict(text_.data(), text_.size())) {
    if (!compress_ || !decompress_) throw std::runtime_error("zstd: cannot create a dictionary");
  }
  ~Dictionary() {
    ZSTD_freeCDict(compress_);
    ZSTD_freeDDict(decompress_);
  }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  const ZSTD_CDict* compress() const { return compress_; }
  const ZSTD_DDict* decompress() const { return decompress_; }

 private:
  std::string text_;
  ZSTD_CDict* compress_;
  ZSTD_DDict* decompress_;
};

const Dictionary& dictionary(std::string_view first = {}) {
  static const Dictionary shared(first);
  return shared;
}

struct ContextDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

void check(size_t result, const char* what) {
  if (ZSTD_isError(result)) throw std::runtime_error(std::string("zstd: ") + what + ": " + ZSTD_getErrorName(result));
}

}  // namespace

PackedText PackedText::pack(std::string_view text) {
  const Dictionary& dict = dictionary(text);
  thread_local std::unique_ptr<ZSTD_CCtx, ContextDeleter> context(ZSTD_createCCtx());
  thread_local std::string scratch;
  scratch.resize(ZSTD_compressBound(text.size()));
  size_t written = ZSTD_compress_usingCDict(context.get(), scratch.data(), scratch.size(), text.data(), text.size(),
                                            dict.compress());
  check(written, "compress");
  PackedText packed;
  packed.bytes_.assign(scratch.data(), written);  // exact size: packed texts are kept
  return packed;
}

void PackedText::append_to(std::string& out) const {
  thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
  unsigned long long size = ZSTD_getFrameContentSize(bytes_.data(), bytes_.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR) throw std::runtime_error("zstd: corrupt packed text");
  size_t start = out.size();
  out.resize(start + size);
  size_t read = ZSTD_decompress_usingDDict(context.get(), out.data() + start, size, bytes_.data(), bytes_.size(),
                                           dictionary().decompress());
  check(read, "decompress");
  out.resize(start + read);
}

std::string PackedText::unpack() const {
  std::string out;
  append_to(out);
  return out;
}

}  // namespace ec2::inventory::aws_ec2
