#include "output/packed_text.h"

#define LZ4_STATIC_LINKING_ONLY  // LZ4_attach_dictionary (stable from lz4 1.10; linked statically)
#include <lz4.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace ec2::inventory::aws_ec2 {
namespace {

/// The process's dictionary, made from the first text packed (its content only matters for the
/// compression ratio, never for correctness: unpack always uses the same one). Its loaded stream
/// is only read after construction, so every thread can attach it at once.
class Dictionary {
 public:
  explicit Dictionary(std::string_view first) : text_(first), stream_(LZ4_createStream()) {
    if (!stream_) throw std::runtime_error("lz4: cannot create a dictionary");
    LZ4_loadDict(stream_, text_.data(), static_cast<int>(text_.size()));
  }
  ~Dictionary() { LZ4_freeStream(stream_); }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  const LZ4_stream_t* stream() const { return stream_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  LZ4_stream_t* stream_;
};

const Dictionary& dictionary(std::string_view first = {}) {
  static const Dictionary shared(first);
  return shared;
}

struct StreamDeleter {
  void operator()(LZ4_stream_t* stream) const { LZ4_freeStream(stream); }
};

/// Packed texts start with the text's size (4 bytes, little-endian host order: they never leave
/// the process), which LZ4 blocks do not record.
constexpr size_t kHeader = sizeof(uint32_t);

}  // namespace

PackedText PackedText::pack(std::string_view text) {
  if (text.size() > static_cast<size_t>(LZ4_MAX_INPUT_SIZE)) throw std::length_error("lz4: text too long to pack");
  const Dictionary& dict = dictionary(text);
  thread_local std::unique_ptr<LZ4_stream_t, StreamDeleter> stream(LZ4_createStream());
  thread_local std::string scratch;
  int size = static_cast<int>(text.size());
  scratch.resize(kHeader + static_cast<size_t>(LZ4_compressBound(size)));
  LZ4_resetStream_fast(stream.get());
  LZ4_attach_dictionary(stream.get(), dict.stream());
  int written = LZ4_compress_fast_continue(stream.get(), text.data(), scratch.data() + kHeader, size,
                                           static_cast<int>(scratch.size() - kHeader), 1);
  if (written <= 0 && size > 0) throw std::runtime_error("lz4: cannot compress");
  uint32_t length = static_cast<uint32_t>(size);
  std::memcpy(scratch.data(), &length, kHeader);
  PackedText packed;
  packed.bytes_.assign(scratch.data(), kHeader + static_cast<size_t>(written));  // exact size: packed texts are kept
  return packed;
}

void PackedText::append_to(std::string& out) const {
  if (bytes_.empty()) return;
  uint32_t length = 0;
  if (bytes_.size() < kHeader) throw std::runtime_error("lz4: corrupt packed text");
  std::memcpy(&length, bytes_.data(), kHeader);
  size_t start = out.size();
  out.resize(start + length);
  const std::string& dict = dictionary().text();
  int read = LZ4_decompress_safe_usingDict(bytes_.data() + kHeader, out.data() + start,
                                           static_cast<int>(bytes_.size() - kHeader), static_cast<int>(length),
                                           dict.data(), static_cast<int>(dict.size()));
  if (read != static_cast<int>(length)) throw std::runtime_error("lz4: corrupt packed text");
}

std::string PackedText::unpack() const {
  std::string out;
  append_to(out);
  return out;
}

}  // namespace ec2::inventory::aws_ec2
