#pragma once
/// Table-driven mapping between model structs, EC2 XML and boto3-shaped JSON.
///
/// Each model struct gets a `Schema<T>` (see *_schema.h) listing its fields as
/// (JSON member name, XML element name, pointer to member). From that one table `read` fills a
/// struct from its XML element in a single pass over the children (a per-type hash table maps
/// element names to field readers), `json_value` renders it with absent members omitted, and
/// `visit_value` walks it for a ModelVisitor in the same order.
/// Every translation unit that maps a struct must include the Schema of every struct it reaches
/// (the *_schema.h headers), so each template instantiation is the same everywhere.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/error.h"
#include "ec2/model/common.h"
#include "ec2/model/timestamp.h"
#include "ec2/model/visit.h"
#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2::model {

/// One member of a shape. A null `json` name keeps the member out of JSON (e.g. request ids).
template <class T, class M>
struct Field {
  const char* json;
  const char* xml;
  M T::*member;
};

template <class T, class M>
constexpr Field<T, M> field(const char* json, const char* xml, M T::*member) {
  return {json, xml, member};
}

/// Specialised per struct with `static constexpr auto fields = std::make_tuple(field(...), ...)`.
template <class T>
struct Schema;

template <class T>
concept Described = requires { Schema<T>::fields; };

/// The number of fields in T's Schema.
template <class T>
constexpr std::size_t field_count = std::tuple_size_v<std::decay_t<decltype(Schema<T>::fields)>>;

/// `Root/child/grandchild` path of `node`, for error messages.
std::string element_path(pugi::xml_node node);
/// Error{Parse, "MalformedResponse"}: "<what> in <path>".
Error parse_error(pugi::xml_node node, std::string_view what);

// Readers: fill `out` from element `node`; on failure set `error` and return false.
bool read(pugi::xml_node node, std::string& out, Error& error);
bool read(pugi::xml_node node, int& out, Error& error);
bool read(pugi::xml_node node, int64_t& out, Error& error);
bool read(pugi::xml_node node, bool& out, Error& error);
bool read(pugi::xml_node node, Timestamp& out, Error& error);
bool read(pugi::xml_node node, Tag& out, Error& error);
template <Described T>
bool read(pugi::xml_node node, T& out, Error& error);
template <class T>
bool read(pugi::xml_node node, std::vector<T>& out, Error& error);
template <class T>
bool read(pugi::xml_node node, std::optional<T>& out, Error& error);

// Renderers: the JSON boto3 would give for a value. `J` is nlohmann::json (keys sorted) or
// nlohmann::ordered_json (keys in the Schema's order, which is botocore's member order).
template <class J = nlohmann::json>
J json_value(const std::string& value) { return J(value); }
template <class J = nlohmann::json>
J json_value(int value) { return J(value); }
template <class J = nlohmann::json>
J json_value(int64_t value) { return J(value); }
template <class J = nlohmann::json>
J json_value(bool value) { return J(value); }
template <class J = nlohmann::json>
J json_value(Timestamp value) { return J(format_timestamp(value)); }
template <class J = nlohmann::json>
J json_value(const Tag& value) { return J{{"Key", value.key}, {"Value", value.value}}; }
template <class J = nlohmann::json, Described T>
J json_value(const T& value);
template <class J = nlohmann::json, class T>
J json_value(const std::vector<T>& values);

/// Reads field I of T from `node`.
template <class T, std::size_t I>
bool read_field(pugi::xml_node node, T& out, Error& error) {
  return read(node, out.*(std::get<I>(Schema<T>::fields).member), error);
}

template <class T>
using FieldReader = bool (*)(pugi::xml_node, T&, Error&);

/// XML element name → reader, built once per type.
template <class T>
struct FieldTable {
  std::unordered_map<std::string_view, FieldReader<T>> readers;
};

template <class T, std::size_t... I>
FieldTable<T> make_field_table(std::index_sequence<I...>) {
  FieldTable<T> table;
  table.readers.reserve(sizeof...(I) * 2);
  (table.readers.emplace(std::get<I>(Schema<T>::fields).xml, &read_field<T, I>), ...);
  return table;
}

template <class T>
const FieldTable<T>& field_table() {
  static const FieldTable<T> table = make_field_table<T>(
      std::make_index_sequence<field_count<T>>{});
  return table;
}

template <Described T>
bool read(pugi::xml_node node, T& out, Error& error) {
  const auto& readers = field_table<T>().readers;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    auto it = readers.find(std::string_view(child.name()));
    if (it != readers.end() && !it->second(child, out, error)) return false;
  }
  return true;
}

/// EC2 lists are `<xSet><item>…</item>…</xSet>`; other children are ignored.
template <class T>
bool read(pugi::xml_node node, std::vector<T>& out, Error& error) {
  out.clear();
  for (pugi::xml_node item = node.child("item"); item; item = item.next_sibling("item")) {
    out.emplace_back();
    if (!read(item, out.back(), error)) return false;
  }
  return true;
}

template <class T>
bool read(pugi::xml_node node, std::optional<T>& out, Error& error) {
  out.emplace();
  return read(node, *out, error);
}

/// Fills `out` from `node`, as a Status.
template <class T>
Status read_status(pugi::xml_node node, T& out) {
  Error error;
  if (!read(node, out, error)) return error;
  return {};
}

/// Adds a member a Schema names once: an ordered object appends it without searching.
template <class J>
void add_member(J& object, const char* name, J value) {
  if constexpr (std::is_same_v<J, nlohmann::ordered_json>) {
    object.template get_ref<typename J::object_t&>().emplace_back(name, std::move(value));
  } else {
    object[name] = std::move(value);
  }
}
template <class J, class M>
void put(J& object, const char* name, const M& value) {
  if (name != nullptr) add_member(object, name, json_value<J>(value));
}
template <class J, class M>
void put(J& object, const char* name, const std::optional<M>& value) {
  if (name != nullptr && value) add_member(object, name, json_value<J>(*value));
}
template <class J, Described T>
J json_value(const T& value) {
  J object = J::object();
  std::apply([&](const auto&... f) { (put(object, f.json, value.*(f.member)), ...); },
             Schema<T>::fields);
  return object;
}
template <class J, class T>
J json_value(const std::vector<T>& values) {
  J array = J::array();
  for (const T& value : values) array.push_back(json_value<J>(value));
  return array;
}

// Visiting: the events ModelVisitor receives for a value, mirroring json_value.
inline void visit_value(ModelVisitor& v, const std::string& value) { v.string(value); }
inline void visit_value(ModelVisitor& v, int value) { v.integer(value); }
inline void visit_value(ModelVisitor& v, int64_t value) { v.integer(value); }
inline void visit_value(ModelVisitor& v, bool value) { v.boolean(value); }
inline void visit_value(ModelVisitor& v, Timestamp value) { v.timestamp(value); }
inline void visit_value(ModelVisitor& v, const Tag& value) {
  v.begin_object();
  if (v.member("Key")) v.string(value.key);
  if (v.member("Value")) v.string(value.value);
  v.end_object();
}
template <class T>
void visit_value(ModelVisitor& v, const std::vector<T>& values);
template <Described T>
void visit_value(ModelVisitor& v, const T& value);

/// The fields of a type in MemberOrder::SnakeCase: indices of the fields with a JSON name, sorted
/// by the snake_case form of the name (then by index), in runs of fields sharing that form.
struct SnakeOrder {
  std::vector<int> fields;
  std::vector<size_t> runs;  ///< Where each run starts in `fields`, then fields.size().
};
/// The SnakeOrder of fields named `names` (null: not in JSON), index for index.
SnakeOrder make_snake_order(const std::vector<const char*>& names);

template <class T, std::size_t... I>
std::vector<const char*> json_names(std::index_sequence<I...>) {
  return {std::get<I>(Schema<T>::fields).json...};
}
template <class T>
const SnakeOrder& snake_order() {
  static const SnakeOrder order = make_snake_order(
      json_names<T>(std::make_index_sequence<field_count<T>>{}));
  return order;
}

/// Visits, in `order`, of each run of fields sharing a snake_case name the last one `given` accepts.
template <class Given, class Visit>
bool visit_in_snake_order(const SnakeOrder& order, Given&& given, Visit&& visit) {
  for (size_t run = 0; run + 1 < order.runs.size(); ++run) {
    for (size_t k = order.runs[run + 1]; k-- > order.runs[run];) {
      if (!given(order.fields[k])) continue;
      if (!visit(order.fields[k])) return false;
      break;
    }
  }
  return true;
}

template <class M>
void visit_member(ModelVisitor& v, const char* name, const M& value) {
  if (name != nullptr && v.member(name)) visit_value(v, value);
}
template <class M>
void visit_member(ModelVisitor& v, const char* name, const std::optional<M>& value) {
  if (name != nullptr && value && v.member(name)) visit_value(v, *value);
}
template <class M>
bool is_given(const M&) {
  return true;
}
template <class M>
bool is_given(const std::optional<M>& value) {
  return value.has_value();
}

/// Field I of a typed T: whether it has a value, and its visit.
template <class T, std::size_t I>
bool field_given(const T& value) {
  return is_given(value.*(std::get<I>(Schema<T>::fields).member));
}
template <class T, std::size_t I>
void visit_field(ModelVisitor& v, const T& value) {
  const auto& f = std::get<I>(Schema<T>::fields);
  visit_member(v, f.json, value.*(f.member));
}
template <class T>
struct TypedFields {
  std::array<bool (*)(const T&), field_count<T>> given;
  std::array<void (*)(ModelVisitor&, const T&), field_count<T>> visit;
};
template <class T, std::size_t... I>
constexpr TypedFields<T> make_typed_fields(std::index_sequence<I...>) {
  return {{&field_given<T, I>...}, {&visit_field<T, I>...}};
}
template <class T>
constexpr TypedFields<T> typed_fields = make_typed_fields<T>(std::make_index_sequence<field_count<T>>{});

template <Described T>
void visit_value(ModelVisitor& v, const T& value) {
  v.begin_object();
  if (v.member_order() == MemberOrder::SnakeCase) {
    const TypedFields<T>& fields = typed_fields<T>;
    visit_in_snake_order(
        snake_order<T>(), [&](int f) { return fields.given[f](value); },
        [&](int f) {
          fields.visit[f](v, value);
          return true;
        });
  } else {
    std::apply([&](const auto&... f) { (visit_member(v, f.json, value.*(f.member)), ...); }, Schema<T>::fields);
  }
  v.end_object();
}
template <class T>
void visit_value(ModelVisitor& v, const std::vector<T>& values) {
  v.begin_array();
  for (const T& value : values) visit_value(v, value);
  v.end_array();
}
}  // namespace ec2::model

/// Defines the public `from_xml` and `to_json` of a described model type (inside namespace ec2).
#define EC2_MODEL_DEFINE_IO(Type)                                                        \
  Status from_xml(pugi::xml_node node, Type& out) { return model::read_status(node, out); } \
  nlohmann::json to_json(const Type& value) { return model::json_value(value); }
