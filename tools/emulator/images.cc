// The per-region image catalogue and DescribeImages.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "api_error.h"
#include "filters.h"
#include "registry.h"
#include "describe.h"

namespace ec2::emu {
namespace {

constexpr std::string_view kAmazonOwner = "137112412989";
constexpr std::string_view kCanonicalOwner = "099720109477";
constexpr std::string_view kWindowsOwner = "801119661308";

struct CatalogueEntry {
  std::string_view name;
  std::string_view description;
  std::string_view architecture;
  std::string_view owner_id;
  std::string_view platform;
  std::string_view creation_date;
};

constexpr std::array<CatalogueEntry, 9> kCatalogue{{
    {"amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2", "Amazon Linux AMI 2017.03.1.20170812 x86_64 HVM GP2",
     "x86_64", kAmazonOwner, "", "2017-08-13T01:30:33.000Z"},
    {"amzn2-ami-hvm-2.0.20231116.0-x86_64-gp2", "Amazon Linux 2 AMI 2.0.20231116.0 x86_64 HVM gp2", "x86_64",
     kAmazonOwner, "", "2023-11-16T21:05:28.000Z"},
    {"amzn2-ami-kernel-5.10-hvm-2.0.20231116.0-x86_64-gp2",
     "Amazon Linux 2 Kernel 5.10 AMI 2.0.20231116.0 x86_64 HVM gp2", "x86_64", kAmazonOwner, "",
     "2023-11-16T21:06:51.000Z"},
    {"amzn2-ami-kernel-5.10-hvm-2.0.20231116.0-arm64-gp2",
     "Amazon Linux 2 Kernel 5.10 AMI 2.0.20231116.0 arm64 HVM gp2", "arm64", kAmazonOwner, "",
     "2023-11-16T21:07:12.000Z"},
    {"al2023-ami-2023.2.20231113.0-kernel-6.1-x86_64", "Amazon Linux 2023 AMI 2023.2.20231113.0 x86_64 HVM kernel-6.1",
     "x86_64", kAmazonOwner, "", "2023-11-13T19:32:10.000Z"},
    {"al2023-ami-2023.2.20231113.0-kernel-6.1-arm64", "Amazon Linux 2023 AMI 2023.2.20231113.0 arm64 HVM kernel-6.1",
     "arm64", kAmazonOwner, "", "2023-11-13T19:32:44.000Z"},
    {"al2023-ami-minimal-2023.2.20231113.0-kernel-6.1-x86_64",
     "Amazon Linux 2023 AMI 2023.2.20231113.0 x86_64 Minimal HVM kernel-6.1", "x86_64", kAmazonOwner, "",
     "2023-11-13T19:33:02.000Z"},
    {"ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20231030",
     "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2023-10-30", "x86_64", kCanonicalOwner, "",
     "2023-10-30T21:27:35.000Z"},
    {"Windows_Server-2022-English-Full-Base-2023.11.15", "Microsoft Windows Server 2022 Full Locale English AMI",
     "x86_64", kWindowsOwner, "windows", "2023-11-15T07:24:09.000Z"},
}};

std::string_view alias_of(std::string_view owner_id) {
  return owner_id == kCanonicalOwner ? std::string_view() : std::string_view("amazon");
}

const FilterSet<Image>& image_filters() {
  static const FilterSet<Image> set = [] {
    FilterSet<Image> s;
    s.value("image-id", [](const Image& i) { return std::string_view(i.id); })
        .value("name", [](const Image& i) { return std::string_view(i.name); })
        .value("description", [](const Image& i) { return std::string_view(i.description); })
        .value("owner-id", [](const Image& i) { return std::string_view(i.owner_id); })
        .value("owner-alias", [](const Image& i) { return std::string_view(i.owner_alias); })
        .value("architecture", [](const Image& i) { return std::string_view(i.architecture); })
        .value("platform", [](const Image& i) { return std::string_view(i.platform); })
        .value("state", [](const Image& i) { return std::string_view(i.state); })
        .value("root-device-name", [](const Image& i) { return std::string_view(i.root_device_name); })
        .value("virtualization-type", [](const Image& i) { return std::string_view(i.virtualization_type); })
        .value("image-type", [](const Image&) { return std::string_view("machine"); })
        .value("root-device-type", [](const Image&) { return std::string_view("ebs"); })
        .value("hypervisor", [](const Image&) { return std::string_view("xen"); })
        .value("is-public", [](const Image& i) { return std::string_view(i.is_public ? "true" : "false"); })
        .value("ena-support", [](const Image& i) { return std::string_view(i.ena_support ? "true" : "false"); })
        .with_tags([](const Image& i) { return std::string_view(i.id); });
    return s;
  }();
  return set;
}

/// True when `image` belongs to one of `owners` (ids, "amazon", "self").
bool owned_by(const Image& image, const std::vector<std::string>& owners) {
  if (owners.empty()) return true;
  for (const std::string& owner : owners) {
    if (owner == image.owner_id || (owner == "amazon" && image.owner_alias == "amazon") ||
        (owner == "self" && image.owner_id == active_account_id())) {
      return true;
    }
  }
  return false;
}

void write_image(XmlWriter& xml, const Image& image, const TagStore& tags) {
  xml.open("item");
  xml.leaf("imageId", image.id).leaf("imageLocation", image.image_location).leaf("imageState", image.state);
  xml.leaf("imageOwnerId", image.owner_id).leaf("creationDate", image.creation_date);
  xml.leaf_bool("isPublic", image.is_public).leaf("architecture", image.architecture);
  xml.leaf("imageType", "machine").leaf_if("platform", image.platform);
  xml.leaf("platformDetails", image.platform_details);
  xml.leaf("usageOperation", image.platform == "windows" ? "RunInstances:0002" : "RunInstances");
  xml.leaf("sriovNetSupport", "simple").leaf_bool("enaSupport", image.ena_support);
  xml.leaf("name", image.name).leaf("description", image.description);
  xml.leaf("rootDeviceType", "ebs").leaf("rootDeviceName", image.root_device_name);
  xml.open("blockDeviceMapping").open("item").leaf("deviceName", image.root_device_name).open("ebs");
  xml.leaf("snapshotId", stable_id("snap-", image.id)).leaf("volumeSize", image.platform == "windows" ? 30 : 8);
  xml.leaf_bool("deleteOnTermination", true).leaf("volumeType", "gp2").leaf_bool("encrypted", false);
  xml.close().close().close();
  xml.leaf("virtualizationType", image.virtualization_type).leaf("hypervisor", "xen");
  xml.leaf_if("imageOwnerAlias", image.owner_alias);
  write_tag_set(xml, tags.of(image.id));
  xml.close();
}

Status describe_images(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(image_filters().validate(*filters));
  std::vector<std::string> ids = call.params.list("ImageId");
  std::vector<std::string> owners = call.params.list("Owner");
  RegionState& region = call.state();
  for (const std::string& id : ids) {
    EC2_TRY(check_id_format(id, "ami-", "InvalidAMIID.Malformed"));
    if (!region.images.count(id)) {
      return client_error("InvalidAMIID.NotFound", fmt::format("The image id '[{}]' does not exist", id));
    }
  }
  xml.open("imagesSet");
  for (auto& [id, image] : region.images) {
    if (!ids.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
    if (!owned_by(image, owners) || !image_filters().matches(image, *filters, region.tags)) continue;
    write_image(xml, image, region.tags);
  }
  xml.close();
  return {};
}

void register_images(ActionRegistry& registry) { registry.on("DescribeImages", describe_images); }
EC2EMU_MODULE(register_images);

}  // namespace

void add_image_catalogue(RegionState& region) {
  for (const CatalogueEntry& entry : kCatalogue) {
    Image image;
    image.id = stable_id("ami-", region.name + "/" + std::string(entry.name));
    image.name = entry.name;
    image.description = entry.description;
    image.architecture = entry.architecture;
    image.owner_id = entry.owner_id;
    image.owner_alias = alias_of(entry.owner_id);
    image.platform = entry.platform;
    if (image.platform == "windows") {
      image.platform_details = "Windows";
      image.root_device_name = "/dev/sda1";
    }
    image.creation_date = entry.creation_date;
    image.image_location = fmt::format("{}/{}", image.owner_alias.empty() ? image.owner_id : image.owner_alias, image.name);
    region.images[image.id] = std::move(image);
  }
}

}  // namespace ec2::emu
