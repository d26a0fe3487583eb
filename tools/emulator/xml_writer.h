#pragma once
/// A small streaming XML writer for EC2 response documents. It appends straight into one string
/// (no DOM, no per-element allocation) so DescribeInstances of thousands of instances stays fast.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ec2::emu {

/// The EC2 API namespace every response root carries.
inline constexpr std::string_view kXmlNamespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

/// Appends `text` to `out` with `& < > " '` escaped (and control characters as numeric references).
void append_escaped(std::string& out, std::string_view text);

/// Writes elements in document order. Element names are not copied: pass string literals or strings
/// that outlive the writer. Text and attribute values are escaped.
class XmlWriter {
 public:
  XmlWriter() { out_.reserve(4096); }

  /// Writes `<name>` and makes it the current element.
  XmlWriter& open(std::string_view name);
  /// Writes the XML declaration and `<name xmlns="…">` (no attribute when `xmlns` is empty).
  XmlWriter& open_root(std::string_view name, std::string_view xmlns = kXmlNamespace);
  /// Closes the current element.
  XmlWriter& close();
  /// `<name>text</name>`.
  XmlWriter& leaf(std::string_view name, std::string_view text);
  XmlWriter& leaf(std::string_view name, const char* text) { return leaf(name, std::string_view(text)); }
  XmlWriter& leaf(std::string_view name, const std::string& text) { return leaf(name, std::string_view(text)); }
  /// `<name>123</name>`.
  XmlWriter& leaf(std::string_view name, int64_t value);
  XmlWriter& leaf(std::string_view name, int value) { return leaf(name, int64_t{value}); }
  /// `<name>true</name>` / `<name>false</name>`.
  XmlWriter& leaf_bool(std::string_view name, bool value);
  /// Writes the leaf only when `text` is not empty (EC2 omits absent members).
  XmlWriter& leaf_if(std::string_view name, std::string_view text);
  /// `<name/>` — EC2's empty list form.
  XmlWriter& empty(std::string_view name);

  /// Makes room for `bytes` more output, so a large document is not copied while it grows.
  void reserve(size_t bytes) { out_.reserve(out_.size() + bytes); }
  /// Number of elements still open.
  size_t depth() const { return stack_.size(); }
  /// Closes every open element and returns the document.
  std::string finish();
  /// The document so far (for inspection in tests).
  const std::string& text() const { return out_; }
  /// Drops everything written (the writer can be reused).
  void clear();

 private:
  std::string out_;
  std::vector<std::string_view> stack_;
};

/// Scoped element: opens on construction, closes on destruction.
class XmlElement {
 public:
  XmlElement(XmlWriter& writer, std::string_view name) : writer_(writer) { writer_.open(name); }
  ~XmlElement() { writer_.close(); }
  XmlElement(const XmlElement&) = delete;
  XmlElement& operator=(const XmlElement&) = delete;

 private:
  XmlWriter& writer_;
};

/// The EC2 error document:
/// `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`.
std::string error_document(std::string_view code, std::string_view message,
                           std::string_view request_id);

}  // namespace ec2::emu
