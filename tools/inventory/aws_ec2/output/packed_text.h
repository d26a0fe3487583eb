#pragma once
/// Text kept compressed in memory: the inventory holds every host's variables from the moment the
/// host's page arrives until the sorted output is written, and those texts differ far more in
/// their values than in their shape. Each is compressed on its own with LZ4 against a dictionary
/// shared by the whole process — the first text packed — which takes a typical host's 5 KiB of
/// variables (laid out for --list) to about 700 bytes. LZ4 rather than zstd: packing is on the
/// path every page waits for, and LZ4 packs and unpacks these texts in about 60% of zstd's time
/// at its fastest levels, for about 30% more bytes (docs/inventory.md, "Speed").

#include <string>
#include <string_view>

namespace ec2::inventory::aws_ec2 {

class PackedText {
 public:
  PackedText() = default;
  /// Compresses `text` (the first call of the process also makes `text` the dictionary).
  static PackedText pack(std::string_view text);
  /// The text as it was packed. Throws std::runtime_error if the bytes are corrupt.
  std::string unpack() const;
  /// Appends the text as it was packed to `out`.
  void append_to(std::string& out) const;

  bool empty() const { return bytes_.empty(); }
  /// Compressed size in bytes.
  size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

}  // namespace ec2::inventory::aws_ec2
