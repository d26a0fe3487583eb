#pragma once
/// Turning `--ami ID|NAME|PATTERN|al2023|al2` into a DescribeImages query, choosing among the
/// answers, and the login user an image expects.

#include <string>
#include <string_view>
#include <vector>

#include "ec2/model/image.h"

namespace ec2::cli {

/// What to ask DescribeImages.
struct ImageQuery {
  std::string image_id;      ///< Set for `ami-…`: look up by id (any owner).
  std::string name;          ///< Name or pattern (`*`, `?`) for the `name` filter.
  bool is_pattern = false;   ///< Pick the newest match instead of requiring exactly one.
  std::string architecture;  ///< `architecture` filter, for the al2023/al2 aliases only.
  std::vector<std::string> owners;  ///< `amazon` for names and aliases.
  std::string describe() const;     ///< For messages: "image named 'x' (owner amazon)".
};

/// `x86_64`, or `arm64` for Graviton instance families (t4g, m6g, c7gn, a1, ...).
std::string architecture_for(std::string_view instance_type);

/// The query for an `--ami` value; the aliases pick the architecture from `instance_type`.
ImageQuery image_query(std::string_view ami, std::string_view instance_type);

/// The available image with the latest CreationDate (ISO 8601 strings order by time); nullptr when
/// `images` holds none. Ties go to the larger image id so every run picks the same one.
const Image* newest_image(const std::vector<Image>& images);

/// The ssh login user for an image, guessed from its name: ubuntu, admin (Debian), centos,
/// fedora, else ec2-user (Amazon Linux, RHEL, SUSE).
std::string ssh_user_for(std::string_view image_name);

}  // namespace ec2::cli
