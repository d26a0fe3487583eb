#include "xml_writer.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace ec2::emu {

namespace {

/// Bytes append_escaped replaces: the five XML specials, and control characters other than tab,
/// line feed and carriage return.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = c != '\t' && c != '\n' && c != '\r';
  for (unsigned char c : {'&', '<', '>', '"', '\''}) table[c] = true;
  return table;
}();

std::string_view replacement(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    // XML 1.0 cannot carry control characters at all; a visible substitute keeps the document valid.
    default: return "&#xFFFD;";
  }
}

/// The first byte in [p, end) that append_escaped replaces, or `end`.
const char* next_escaped(const char* p, const char* end) {
  while (p != end && !kEscaped[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  for (;;) {
    const char* run = p;
    p = next_escaped(p, end);
    out.append(run, static_cast<size_t>(p - run));
    if (p == end) return;
    out.append(replacement(*p++));
  }
}

XmlWriter& XmlWriter::open(std::string_view name) {
  out_.push_back('<');
  out_.append(name);
  out_.push_back('>');
  stack_.push_back(name);
  return *this;
}

XmlWriter& XmlWriter::open_root(std::string_view name, std::string_view xmlns) {
  out_.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
  out_.append(name);
  if (!xmlns.empty()) {
    out_.append(" xmlns=\"");
    append_escaped(out_, xmlns);
    out_.push_back('"');
  }
  out_.push_back('>');
  stack_.push_back(name);
  return *this;
}

XmlWriter& XmlWriter::close() {
  if (stack_.empty()) return *this;
  out_.append("</");
  out_.append(stack_.back());
  out_.push_back('>');
  stack_.pop_back();
  return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, std::string_view text) {
  // Most values need no escaping: their element is written with one resize and plain copies.
  if (next_escaped(text.data(), text.data() + text.size()) != text.data() + text.size()) {
    out_.push_back('<');
    out_.append(name);
    out_.push_back('>');
    append_escaped(out_, text);
    out_.append("</");
    out_.append(name);
    out_.push_back('>');
    return *this;
  }
  size_t at = out_.size();
  out_.resize(at + 2 * name.size() + 5 + text.size());
  char* p = out_.data() + at;
  *p++ = '<';
  p = std::copy(name.begin(), name.end(), p);
  *p++ = '>';
  p = std::copy(text.begin(), text.end(), p);
  *p++ = '<';
  *p++ = '/';
  p = std::copy(name.begin(), name.end(), p);
  *p = '>';
  return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, int64_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;
  return leaf(name, std::string_view(buffer, end - buffer));
}

XmlWriter& XmlWriter::leaf_bool(std::string_view name, bool value) {
  return leaf(name, value ? std::string_view("true") : std::string_view("false"));
}

XmlWriter& XmlWriter::leaf_if(std::string_view name, std::string_view text) {
  if (!text.empty()) leaf(name, text);
  return *this;
}

XmlWriter& XmlWriter::empty(std::string_view name) {
  out_.push_back('<');
  out_.append(name);
  out_.append("/>");
  return *this;
}

std::string XmlWriter::finish() {
  while (!stack_.empty()) close();
  return std::move(out_);
}

void XmlWriter::clear() {
  out_.clear();
  stack_.clear();
}

std::string error_document(std::string_view code, std::string_view message,
                           std::string_view request_id) {
  XmlWriter xml;
  xml.open_root("Response", "");
  xml.open("Errors").open("Error").leaf("Code", code).leaf("Message", message).close().close();
  xml.leaf("RequestID", request_id);
  return xml.finish();
}

}  // namespace ec2::emu
