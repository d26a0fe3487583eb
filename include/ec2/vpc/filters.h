#pragma once
/// EC2 filter lists from name → value maps, as amazon.aws's ansible_dict_to_boto3_filter_list:
/// a string becomes one value, a list its values, a bool "true"/"false", an integer its decimal.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2::vpc {

/// One filter value as a user writes it.
using FilterValue = std::variant<std::string, std::vector<std::string>, bool, std::int64_t>;

/// Filters in the order given, e.g. `{{"tag:Name", "web"}, {"cidr-block", cidrs}}`.
using FilterMap = std::vector<std::pair<std::string, FilterValue>>;

/// The EC2 filter list of `map`, in the same order.
Filters to_filters(const FilterMap& map);

/// The EC2 filter list of a JSON object (a module's `filters` option). Values may be strings,
/// numbers, booleans or lists of those; anything else is Error{Client, "InvalidFilter"}.
Result<Filters> filters_from_json(const nlohmann::json& object);

}  // namespace ec2::vpc
