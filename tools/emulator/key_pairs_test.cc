// Key pair actions as clients see them, with EC2's fingerprints and public keys and with the
// test-only styles that imitate other EC2-compatible endpoints.
#include <gtest/gtest.h>

#include <cctype>

#include <fmt/format.h>

#include "keys.h"
#include "test_support.h"

namespace ec2::emu {
namespace {

using testing::Answer;
using testing::call;
using testing::ManualClock;

constexpr const char* kEd25519Public =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBNUcoLHsR6upp+TthbBKZgQq93cOGdgTNZhidNwPDSw test";
constexpr const char* kEd25519Line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBNUcoLHsR6upp+TthbBKZgQq93cOGdgTNZhidNwPDSw";

/// Percent-encodes everything but letters and digits (form values).
std::string form_value(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += std::isalnum(c) ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  return out;
}

class KeyPairs : public ::testing::Test {
 protected:
  /// An emulator with `style`, the test key imported as "laptop".
  std::unique_ptr<Emulator> start(KeyPairStyle style, Answer* imported = nullptr) {
    EmulatorOptions options = testing::quiet_options(clock);
    options.key_pair_style = style;
    auto emulator = std::make_unique<Emulator>(std::move(options));
    EXPECT_TRUE(emulator->start().ok());
    Answer answer = call(*emulator, "Action=ImportKeyPair&KeyName=laptop&PublicKeyMaterial=" +
                                        form_value(base64_encode(kEd25519Public)));
    EXPECT_EQ(answer.status, 200) << answer.body;
    if (imported) *imported = std::move(answer);
    return emulator;
  }
  Answer describe(Emulator& emulator, const std::string& extra = "&IncludePublicKey=true") {
    return call(emulator, "Action=DescribeKeyPairs" + extra);
  }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
};

TEST_F(KeyPairs, AwsStyleGivesEc2FingerprintAndThePublicKeyWhenAsked) {
  Answer imported;
  auto emulator = start({}, &imported);
  EXPECT_EQ(imported.text("//keyFingerprint"), "dQ+9DMv8YJ4wEk7ED7+SwokVyrdjQmdv7aJ4oFil9SA=");
  Answer listed = describe(*emulator);
  EXPECT_EQ(listed.text("//keySet/item/keyFingerprint"), "dQ+9DMv8YJ4wEk7ED7+SwokVyrdjQmdv7aJ4oFil9SA=");
  EXPECT_EQ(listed.text("//keySet/item/publicKey"), kEd25519Line);
  EXPECT_TRUE(describe(*emulator, "").texts("//keySet/item/publicKey").empty()) << "only when asked";
}

TEST_F(KeyPairs, HexStyleWritesTheSameDigestAsColonHexEverywhere) {
  const std::string hex = "75:0f:bd:0c:cb:fc:60:9e:30:12:4e:c4:0f:bf:92:c2:89:15:ca:b7:63:42:67:6f:ed:a2:78:a0:58:a5:f5:20";
  Answer imported;
  auto emulator = start({FingerprintFormat::Hex, true}, &imported);
  EXPECT_EQ(imported.text("//keyFingerprint"), hex);
  EXPECT_EQ(describe(*emulator).text("//keySet/item/keyFingerprint"), hex);
  EXPECT_EQ(describe(*emulator, "&Filter.1.Name=fingerprint&Filter.1.Value.1=" + form_value(hex))
                .texts("//keySet/item/keyName"),
            std::vector<std::string>{"laptop"});
  EXPECT_EQ(describe(*emulator).text("//keySet/item/publicKey"), kEd25519Line);
  // A reset keeps the style (it is configuration, not state).
  ASSERT_EQ(testing::control(*emulator, "POST", "/_emulator/reset").status, 200);
  Answer again = call(*emulator, "Action=CreateKeyPair&KeyName=made&KeyType=ed25519");
  EXPECT_EQ(again.text("//keyFingerprint").size(), hex.size()) << again.body;
}

TEST_F(KeyPairs, Md5StyleAndNoPublicKeyImitateAnotherEndpoint) {
  auto emulator = start({FingerprintFormat::Md5, false});
  Answer listed = describe(*emulator);
  EXPECT_EQ(listed.text("//keySet/item/keyFingerprint"), "2c:b5:db:03:df:0d:d2:46:3b:2c:8e:42:de:9d:f4:81");
  EXPECT_TRUE(listed.texts("//keySet/item/publicKey").empty()) << listed.body;
  EXPECT_EQ(listed.text("//keySet/item/keyName"), "laptop");
}

}  // namespace
}  // namespace ec2::emu
