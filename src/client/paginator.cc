#include "ec2/paginator.h"

#include <utility>

namespace ec2 {

Paginator::Paginator(Client client, std::string action, QueryParams params, PaginateOptions options)
    : client_(std::move(client)),
      action_(std::move(action)),
      params_(std::move(params)),
      options_(std::move(options)),
      token_(options_.starting_token) {
  if (!token_.empty()) seen_.insert(token_);
}

Result<std::optional<XmlDocument>> Paginator::next() {
  if (done_) return std::optional<XmlDocument>();
  if (repeated_) {
    done_ = true;
    return make_error(ErrorCategory::Parse, "RepeatedNextToken",
                      action_ + " returned the token '" + token_ +
                          "' a second time; stopping instead of reading the same pages forever");
  }
  QueryParams params = params_;
  if (options_.page_size) params.set_int(options_.limit_key, *options_.page_size);
  if (!token_.empty()) params.set(options_.input_token, token_);
  auto page = client_.call(action_, params, options_.retry);
  if (!page) {
    done_ = true;
    return page.error();
  }
  ++pages_;
  token_ = (*page)->document_element().child(options_.output_token.c_str()).text().get();
  if (token_.empty()) {
    done_ = true;
  } else if (!seen_.insert(token_).second) {
    repeated_ = true;
  }
  return std::optional<XmlDocument>(std::move(*page));
}

Result<std::string> paginate(const Client& client, std::string_view action,
                             const QueryParams& params,
                             const std::function<bool(const XmlDocument&)>& on_page,
                             const PaginateOptions& options) {
  Paginator pages(client, std::string(action), params, options);
  while (!pages.done()) {
    auto page = pages.next();
    if (!page) return page.error();
    if (!*page) break;
    if (!on_page(**page)) return pages.next_token();
  }
  return std::string();
}

}  // namespace ec2
