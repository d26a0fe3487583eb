#pragma once
/// Visiting a model value straight from its XML element: the ModelVisitor events `visit_value`
/// gives for the struct `read` would make of the element, without making the struct (no string or
/// vector per member). Driven by the same Schema tables as `read` and `visit_value`, so the three
/// cannot drift apart:
///  - a repeated element counts once, the last one (as `read` overwrites);
///  - an absent optional member is skipped; an absent plain member is visited with its default;
///  - an invalid value is the error `read` gives for it. Only visited members are checked: a
///    member the visitor declines is not read at all.

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/reflect.h"

namespace ec2::model {

/// Names the C++ type an element is read as, for overload resolution.
template <class M>
struct As {};

bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<std::string>, Error& error);
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<int>, Error& error);
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<int64_t>, Error& error);
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<bool>, Error& error);
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<Timestamp>, Error& error);
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<Tag>, Error& error);
template <Described T>
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<T>, Error& error);
template <class T>
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<std::vector<T>>, Error& error);

/// XML element name → index of the Schema field, built once per type. The lookup runs for every
/// element of every instance, so it hashes the name as it reads it (no strlen, no std::hash) and
/// probes a small open-addressing table.
template <class T>
class SlotTable {
 public:
  SlotTable() { add(std::make_index_sequence<field_count<T>>{}); }

  /// The field read from element `name`, or -1.
  int find(const char* name) const {
    uint32_t hash = hash_of(name);
    for (std::size_t i = hash & (kSize - 1);; i = (i + 1) & (kSize - 1)) {
      const Entry& entry = entries_[i];
      if (entry.name == nullptr) return -1;
      if (entry.hash == hash && same(entry.name, name)) return entry.index;
    }
  }

 private:
  static constexpr std::size_t kSize = std::bit_ceil(field_count<T> * 4);
  struct Entry {
    const char* name = nullptr;
    uint32_t hash = 0;
    int index = 0;
  };

  /// strcmp(a, b) == 0 inlined: names are short, and a library call per element costs more than the compare.
  static bool same(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) {
      ++a;
      ++b;
    }
    return *a == *b;
  }
  static uint32_t hash_of(const char* name) {  // FNV-1a
    uint32_t hash = 2166136261u;
    for (; *name != '\0'; ++name) hash = (hash ^ static_cast<unsigned char>(*name)) * 16777619u;
    return hash;
  }
  template <std::size_t... I>
  void add(std::index_sequence<I...>) {
    (insert(std::get<I>(Schema<T>::fields).xml, static_cast<int>(I)), ...);
  }
  void insert(const char* name, int index) {
    uint32_t hash = hash_of(name);
    std::size_t i = hash & (kSize - 1);
    while (entries_[i].name != nullptr) i = (i + 1) & (kSize - 1);
    entries_[i] = {name, hash, index};
  }

  std::array<Entry, kSize> entries_{};
};

template <class T>
const SlotTable<T>& slot_table() {
  static const SlotTable<T> table;
  return table;
}

/// Visits one member whose element is `node` (null when absent).
template <class M>
bool visit_xml_member(ModelVisitor& v, const char* name, pugi::xml_node node, As<M>, Error& error) {
  if (name == nullptr || !v.member(name)) return true;
  if (!node) {
    visit_value(v, M{});
    return true;
  }
  return visit_xml(v, node, As<M>{}, error);
}
template <class M>
bool visit_xml_member(ModelVisitor& v, const char* name, pugi::xml_node node, As<std::optional<M>>, Error& error) {
  if (name == nullptr || !node || !v.member(name)) return true;
  return visit_xml(v, node, As<M>{}, error);
}

/// The member type of a Field.
template <class F>
struct FieldType;
template <class T, class M>
struct FieldType<Field<T, M>> {
  using type = M;
};

template <class T, std::size_t... I>
bool visit_xml_fields(ModelVisitor& v, const std::array<pugi::xml_node, field_count<T>>& slots, Error& error,
                      std::index_sequence<I...>) {
  const auto& fields = Schema<T>::fields;
  using Fields = std::decay_t<decltype(fields)>;
  return (visit_xml_member(v, std::get<I>(fields).json, slots[I],
                           As<typename FieldType<std::tuple_element_t<I, Fields>>::type>{}, error) &&
          ...);
}

/// Whether a member of type M is visited when its element is absent (with its default).
template <class M>
constexpr bool visited_when_absent = true;
template <class M>
constexpr bool visited_when_absent<std::optional<M>> = false;

/// Field I of T read from its element: its visit, and whether it is visited without one.
template <class T, std::size_t I>
bool visit_xml_field(ModelVisitor& v, pugi::xml_node node, Error& error) {
  const auto& fields = Schema<T>::fields;
  using M = typename FieldType<std::tuple_element_t<I, std::decay_t<decltype(fields)>>>::type;
  return visit_xml_member(v, std::get<I>(fields).json, node, As<M>{}, error);
}
template <class T>
struct XmlFields {
  std::array<bool (*)(ModelVisitor&, pugi::xml_node, Error&), field_count<T>> visit;
  std::array<bool, field_count<T>> visited_when_absent;
};
template <class T, std::size_t... I>
constexpr XmlFields<T> make_xml_fields(std::index_sequence<I...>) {
  using Fields = std::decay_t<decltype(Schema<T>::fields)>;
  return {{&visit_xml_field<T, I>...},
          {visited_when_absent<typename FieldType<std::tuple_element_t<I, Fields>>::type>...}};
}
template <class T>
constexpr XmlFields<T> xml_fields = make_xml_fields<T>(std::make_index_sequence<field_count<T>>{});

template <Described T>
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<T>, Error& error) {
  std::array<pugi::xml_node, field_count<T>> slots{};
  const auto& table = slot_table<T>();
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (int slot = table.find(child.name()); slot >= 0) slots[static_cast<std::size_t>(slot)] = child;
  }
  v.begin_object();
  if (v.member_order() == MemberOrder::SnakeCase) {
    const XmlFields<T>& fields = xml_fields<T>;
    bool visited = visit_in_snake_order(
        snake_order<T>(), [&](int f) { return slots[f] || fields.visited_when_absent[f]; },
        [&](int f) { return fields.visit[f](v, slots[f], error); });
    if (!visited) return false;
  } else if (!visit_xml_fields<T>(v, slots, error, std::make_index_sequence<field_count<T>>{})) {
    return false;
  }
  v.end_object();
  return true;
}

template <class T>
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<std::vector<T>>, Error& error) {
  v.begin_array();
  for (pugi::xml_node item = node.child("item"); item; item = item.next_sibling("item")) {
    if (!visit_xml(v, item, As<T>{}, error)) return false;
  }
  v.end_array();
  return true;
}

/// Visits `node` as a T, as a Status.
template <class T>
Status visit_xml_status(pugi::xml_node node, ModelVisitor& v) {
  Error error;
  if (!visit_xml(v, node, As<T>{}, error)) return error;
  return {};
}

}  // namespace ec2::model
