#pragma once
/// NextToken pagination over `Client::call`, as the AWS CLI and SDK paginators do it for EC2
/// (input `NextToken`, output `<nextToken>`, page size `MaxResults`).

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "ec2/client.h"
#include "ec2/query.h"
#include "ec2/result.h"

namespace ec2 {

class RetryPolicy;

/// How to page through one action.
struct PaginateOptions {
  std::optional<int> page_size;            ///< Sent as `limit_key` (AWS CLI `--page-size`).
  std::string starting_token;              ///< Resume from this token (AWS CLI `--starting-token`).
  std::string input_token = "NextToken";   ///< Request parameter carrying the token.
  std::string output_token = "nextToken";  ///< Child of the response root holding the next token.
  std::string limit_key = "MaxResults";    ///< Request parameter carrying the page size.
  RetryPolicy* retry = nullptr;            ///< Per-page retry policy; null means the client's.
};

/// Pulls pages one at a time. A token seen before (a server bug) is an error, never an endless
/// loop: the page carrying it is still returned, the following `next()` fails.
///
///   Paginator pages(client, "DescribeInstances", params);
///   while (auto page = pages.next()) { if (!*page) break; use(**page); }
class Paginator {
 public:
  Paginator(Client client, std::string action, QueryParams params, PaginateOptions options = {});

  /// The next page. A value holding nullopt means there are no more pages; an error stops the
  /// paginator (further calls return nullopt).
  Result<std::optional<XmlDocument>> next();

  /// True once the last page was returned or an error happened.
  bool done() const { return done_; }
  /// The token that fetches the page after the last one returned; empty after the last page.
  const std::string& next_token() const { return token_; }
  /// Pages returned so far.
  int pages() const { return pages_; }

 private:
  Client client_;
  std::string action_;
  QueryParams params_;
  PaginateOptions options_;
  std::string token_;
  std::set<std::string> seen_;
  int pages_ = 0;
  bool done_ = false;
  bool repeated_ = false;  ///< The last token was seen before: the next call reports it.
};

/// Calls `on_page` with every page in order; `on_page` returns false to stop early. Returns the
/// token to resume from (empty when every page was read), or the first error.
Result<std::string> paginate(const Client& client, std::string_view action,
                             const QueryParams& params,
                             const std::function<bool(const XmlDocument&)>& on_page,
                             const PaginateOptions& options = {});

}  // namespace ec2
