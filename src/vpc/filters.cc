// Name → value maps to EC2 filter lists.
#include "ec2/vpc/filters.h"

#include <type_traits>

namespace ec2::vpc {
namespace {

/// One value of a JSON filter as EC2 text; nullopt for objects and nested lists.
std::optional<std::string> scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

}  // namespace

Filters to_filters(const FilterMap& map) {
  Filters filters;
  for (const auto& [name, value] : map) {
    Filter filter{name, {}};
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            filter.values.push_back(v);
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            filter.values = v;
          } else if constexpr (std::is_same_v<T, bool>) {
            filter.values.push_back(v ? "true" : "false");
          } else {
            filter.values.push_back(std::to_string(v));
          }
        },
        value);
    filters.push_back(std::move(filter));
  }
  return filters;
}

Result<Filters> filters_from_json(const nlohmann::json& object) {
  if (!object.is_object()) {
    return make_error(ErrorCategory::Client, "InvalidFilter", "filters must be a dictionary");
  }
  Filters filters;
  for (const auto& [name, value] : object.items()) {
    Filter filter{name, {}};
    const nlohmann::json items = value.is_array() ? value : nlohmann::json::array({value});
    for (const auto& item : items) {
      auto text = scalar_text(item);
      if (!text) {
        return make_error(ErrorCategory::Client, "InvalidFilter",
                          "value of filter " + name + " must be a string, number, boolean or list of those");
      }
      filter.values.push_back(*text);
    }
    filters.push_back(std::move(filter));
  }
  return filters;
}

}  // namespace ec2::vpc
