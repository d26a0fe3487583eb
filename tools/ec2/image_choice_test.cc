#include "image_choice.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

Image image(std::string id, std::string date, std::string state = "available") {
  Image i;
  i.image_id = std::move(id);
  i.creation_date = std::move(date);
  i.state = std::move(state);
  return i;
}

TEST(ImageChoice, Architecture) {
  EXPECT_EQ(architecture_for("t2.nano"), "x86_64");
  EXPECT_EQ(architecture_for("g4dn.xlarge"), "x86_64");
  EXPECT_EQ(architecture_for("t4g.small"), "arm64");
  EXPECT_EQ(architecture_for("m6gd.large"), "arm64");
  EXPECT_EQ(architecture_for("c7gn.large"), "arm64");
  EXPECT_EQ(architecture_for("a1.medium"), "arm64");
}

TEST(ImageChoice, QueriesForIdNamePatternAndAliases) {
  auto id = image_query("ami-0123", "t2.nano");
  EXPECT_EQ(id.image_id, "ami-0123");
  EXPECT_TRUE(id.owners.empty());
  auto name = image_query("amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2", "t2.nano");
  EXPECT_EQ(name.name, "amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2");
  EXPECT_FALSE(name.is_pattern);
  EXPECT_EQ(name.owners, std::vector<std::string>{"amazon"});
  EXPECT_TRUE(image_query("amzn2-*", "t2.nano").is_pattern);
  EXPECT_TRUE(image_query("debian-1?", "t2.nano").is_pattern);
  auto al2023 = image_query("al2023", "t4g.nano");
  EXPECT_EQ(al2023.name, "al2023-ami-2023.*-arm64");
  EXPECT_EQ(al2023.architecture, "arm64");
  EXPECT_TRUE(al2023.is_pattern);
  EXPECT_EQ(image_query("al2", "t2.nano").name, "amzn2-ami-hvm-2.0.*-x86_64-gp2");
  EXPECT_EQ(name.describe(), "image named 'amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2' (owner amazon)");
}

TEST(ImageChoice, NewestAvailableWins) {
  std::vector<Image> images{image("ami-1", "2023-01-01T00:00:00.000Z"),
                            image("ami-2", "2024-06-01T00:00:00.000Z"),
                            image("ami-3", "2025-01-01T00:00:00.000Z", "pending"),
                            image("ami-0", "2022-01-01T00:00:00.000Z")};
  ASSERT_NE(newest_image(images), nullptr);
  EXPECT_EQ(newest_image(images)->image_id, "ami-2");
  EXPECT_EQ(newest_image({}), nullptr);
}

TEST(ImageChoice, SshUser) {
  EXPECT_EQ(ssh_user_for("amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2"), "ec2-user");
  EXPECT_EQ(ssh_user_for("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04"), "ubuntu");
  EXPECT_EQ(ssh_user_for("debian-12-amd64"), "admin");
}

}  // namespace
}  // namespace ec2::cli
