#pragma once
/// Shared machinery of the typed operations: send + parse with the operation's error context,
/// response parsing through the model's field tables, request helpers and NextToken loops.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/result.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<EmptyResponse> {
  static constexpr auto fields =
      std::make_tuple(field(nullptr, "requestId", &EmptyResponse::request_id));
};

template <>
struct Schema<ReturnResponse> {
  static constexpr auto fields =
      std::make_tuple(field(nullptr, "requestId", &ReturnResponse::request_id),
                      field("Return", "return", &ReturnResponse::return_value));
};

}  // namespace ec2::model

namespace ec2::ops {

/// Fills a response struct (described by a model::Schema whose first field is the request id)
/// from the root element of `doc`.
template <class Response>
Result<Response> parse_response(const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  if (!root) {
    return make_error(ErrorCategory::Parse, "MalformedResponse", "response has no root element");
  }
  Response response;
  Error error;
  if (!model::read(root, response, error)) return error;
  return response;
}

/// Calls `action` and parses the answer with `parse`; any error gets `context`
/// (so it prints as `Failed to <context>: ...`).
template <class Response>
Result<Response> invoke(const Client& client, std::string_view action, const QueryParams& params,
                        std::string_view context,
                        Result<Response> (*parse)(const pugi::xml_document&)) {
  Result<XmlDocument> doc = client.call(action, params);
  if (!doc) return doc.error().with_context(std::string(context));
  Result<Response> response = parse(*doc.value());
  if (!response) return response.error().with_context(std::string(context));
  return response;
}

/// Adds `DryRun=true` when asked.
void add_dry_run(QueryParams& params, bool dry_run);
/// Adds `TagSpecification.N.*` for each specification.
void add_tag_specifications(QueryParams& params, const std::vector<TagSpecification>& specs);
/// Sets `key` when `value` holds one.
void set_optional(QueryParams& params, const std::string& key,
                  const std::optional<std::string>& value);
void set_optional(QueryParams& params, const std::string& key, const std::optional<int>& value);
void set_optional(QueryParams& params, const std::string& key, const std::optional<bool>& value);

/// Runs a paginated operation page by page: `fetch(request)` returns one page, `on_page`
/// consumes it and returns false to stop. A repeated token is an error, never an endless loop.
template <class Request, class Response, class Fetch, class OnPage>
Status for_each_page(Request request, Fetch fetch, OnPage on_page, std::string_view context) {
  std::set<std::string> seen;
  while (true) {
    Result<Response> page = fetch(request);
    if (!page) return page.error();
    if (!on_page(page.value())) return {};
    const std::optional<std::string>& token = page->next_token;
    if (!token || token->empty()) return {};
    if (!seen.insert(*token).second) {
      return make_error(ErrorCategory::Parse, "RepeatedNextToken",
                        "the service returned the same NextToken twice")
          .with_context(std::string(context));
    }
    request.next_token = *token;
  }
}

/// Every page concatenated: `items` picks the list member of a response.
template <class Request, class Response, class Fetch, class Items>
Result<Response> collect_pages(const Request& request, Fetch fetch, Items items,
                               std::string_view context) {
  Response all;
  Status status = for_each_page<Request, Response>(
      request, fetch,
      [&](Response& page) {
        auto& source = items(page);
        auto& target = items(all);
        target.insert(target.end(), std::make_move_iterator(source.begin()),
                      std::make_move_iterator(source.end()));
        all.request_id = page.request_id;
        return true;
      },
      context);
  if (!status) return status.error();
  return all;
}

}  // namespace ec2::ops
