#include "xml_writer.h"

#include <charconv>

namespace ec2::emu {

void append_escaped(std::string& out, std::string_view text) {
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* replacement = nullptr;
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\'': replacement = "&apos;"; break;
      default: break;
    }
    bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    if (!replacement && !control) continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    if (replacement) {
      out.append(replacement);
    } else {
      // XML 1.0 cannot carry these at all; write a visible substitute rather than a broken document.
      out.append("&#xFFFD;");
    }
  }
  out.append(text.data() + plain, text.size() - plain);
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
  out_.push_back('<');
  out_.append(name);
  out_.push_back('>');
  append_escaped(out_, text);
  out_.append("</");
  out_.append(name);
  out_.push_back('>');
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
