#include "report.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

Instance running_instance() {
  Instance i;
  i.instance_id = "i-0abc";
  i.state = InstanceState{16, std::string("running")};
  i.instance_type = "t2.nano";
  i.image_id = "ami-1";
  i.placement = Placement{};
  i.placement->availability_zone = "us-east-1a";
  i.public_ip_address = "54.1.2.3";
  i.public_dns_name = "ec2-54-1-2-3.compute-1.amazonaws.com";
  i.private_ip_address = "172.31.0.5";
  i.key_name = "ec2.py";
  return i;
}

Image amazon_linux() {
  Image image;
  image.image_id = "ami-1";
  image.name = "amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2";
  return image;
}

TEST(Report, VerboseTextHasEveryFactAndTheSshCommand) {
  auto r = make_report(running_instance(), amazon_linux(), "us-east-1", "/home/u/.ssh/ec2.py.pem");
  std::string text = describe_text(r);
  for (std::string fact : {"i-0abc", "running", "t2.nano", "ami-1", "amzn-ami-hvm-2017.03.1", "us-east-1a",
                           "54.1.2.3", "ec2-54-1-2-3.compute-1.amazonaws.com", "172.31.0.5",
                           "/home/u/.ssh/ec2.py.pem"})
    EXPECT_NE(text.find(fact), std::string::npos) << fact;
  EXPECT_NE(text.find("ssh -i /home/u/.ssh/ec2.py.pem -o IdentitiesOnly=yes -o "
                      "StrictHostKeyChecking=accept-new ec2-user@ec2-54-1-2-3.compute-1.amazonaws.com"),
            std::string::npos) << text;
}

TEST(Report, StoppedInstanceHasNoPublicAddressAndNoSsh) {
  Instance i = running_instance();
  i.state->name = "stopped";
  i.public_ip_address.reset();
  i.public_dns_name = "";
  auto r = make_report(i, std::nullopt, "us-east-1", "/k.pem");
  std::string text = describe_text(r);
  EXPECT_NE(text.find("Public IP:     none (instance is stopped)"), std::string::npos) << text;
  EXPECT_TRUE(ssh_argv(r).empty());
  auto json = describe_json(r);
  EXPECT_TRUE(json["public_dns"].is_null());
  EXPECT_TRUE(json["ssh_command"].is_null());
  EXPECT_EQ(json["state"], "stopped");
}

TEST(Report, SshArgvQuotingAndRemoteCommand) {
  auto r = make_report(running_instance(), amazon_linux(), "us-east-1", "/dir with space/k.pem");
  auto argv = ssh_argv(r, "ssh", {"uname", "-a"});
  ASSERT_EQ(argv.size(), 10u);
  EXPECT_EQ(argv[2], "/dir with space/k.pem");
  EXPECT_EQ(argv.back(), "-a");
  EXPECT_NE(ssh_command_line(r).find("'/dir with space/k.pem'"), std::string::npos);
}

}  // namespace
}  // namespace ec2::cli
