#include "image_choice.h"

#include <cctype>

#include <fmt/format.h>

namespace ec2::cli {
namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string ImageQuery::describe() const {
  if (!image_id.empty()) return fmt::format("image {}", image_id);
  return fmt::format("{} '{}' (owner {})", is_pattern ? "image matching" : "image named", name,
                     owners.empty() ? std::string("any") : owners.front());
}

std::string architecture_for(std::string_view instance_type) {
  std::string_view family = instance_type.substr(0, instance_type.find('.'));
  if (family == "a1") return "arm64";
  // Graviton families put a 'g' right after the generation digit: t4g, m6gd, c7gn, x2gd, g5g.
  for (size_t i = 1; i + 1 < family.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(family[i])) && family[i + 1] == 'g' &&
        std::isalpha(static_cast<unsigned char>(family[0])))
      return "arm64";
  }
  return "x86_64";
}

ImageQuery image_query(std::string_view ami, std::string_view instance_type) {
  ImageQuery q;
  if (ami.starts_with("ami-")) {
    q.image_id = std::string(ami);
    return q;
  }
  q.owners = {"amazon"};
  std::string arch = architecture_for(instance_type);
  if (ami == "al2023") {
    q.name = fmt::format("al2023-ami-2023.*-{}", arch);
    q.is_pattern = true;
    q.architecture = arch;
  } else if (ami == "al2") {
    q.name = fmt::format("amzn2-ami-hvm-2.0.*-{}-gp2", arch);
    q.is_pattern = true;
    q.architecture = arch;
  } else {
    q.name = std::string(ami);
    q.is_pattern = contains(ami, "*") || contains(ami, "?");
  }
  return q;
}

const Image* newest_image(const std::vector<Image>& images) {
  const Image* best = nullptr;
  for (const auto& image : images) {
    if (image.state && *image.state != "available") continue;
    if (!best) {
      best = &image;
      continue;
    }
    auto date = image.creation_date.value_or(""), best_date = best->creation_date.value_or("");
    if (date > best_date || (date == best_date && image.image_id > best->image_id)) best = &image;
  }
  return best;
}

std::string ssh_user_for(std::string_view image_name) {
  std::string name = lower(image_name);
  if (contains(name, "ubuntu")) return "ubuntu";
  if (contains(name, "debian")) return "admin";
  if (contains(name, "centos")) return "centos";
  if (contains(name, "fedora")) return "fedora";
  return "ec2-user";
}

}  // namespace ec2::cli
