"""An inventory run outlives its credentials and still signs every request with valid ones.

The emulator issues role sessions that last 0.005 × what they ask for (a 900 s role session,
duration_seconds = 900, lasts 4.5 s) and delays every DescribeInstances by 2 s; three pages per
region in two regions take about 6 s, so the first credentials expire during the run. The run
must end with every host and without one RequestExpired, having assumed the role again.

Usage: /usr/bin/python3 expiry_test.py EMULATOR EC2_INVENTORY
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "emulator"))
import harness  # noqa: E402

EMULATOR = EC2_INVENTORY = None
ALICE = ("AKIAALICE00000000001", "alice/secret/key/0000000000000000000001")
CONFIG = """
[profile short]
role_arn = arn:aws:iam::222222222222:role/deploy
source_profile = alice
external_id = prod-deploy-2026
duration_seconds = 900
"""


class ExpiringCredentials(unittest.TestCase):
    def test_inventory_refreshes_credentials_that_expire_mid_run(self):
        with harness.Emulator(EMULATOR, "--accounts", os.path.join(HERE, "accounts.yaml"),
                              "--seed-instances", "6000", "--seed-regions", "us-east-1,eu-west-1",
                              "--session-lifetime-scale", "0.005",
                              "--fault", "DescribeInstances:latency=2000") as emu:
            home = emu.tmp.name
            with open(os.path.join(home, "config"), "w") as f:
                f.write(CONFIG)
            with open(os.path.join(home, "credentials"), "w") as f:
                f.write("[alice]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % ALICE)
            inventory = os.path.join(home, "two.aws_ec2.yml")
            with open(inventory, "w") as f:
                f.write("plugin: amazon.aws.aws_ec2\nregions: [us-east-1, eu-west-1]\n")
            env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                   "AWS_CONFIG_FILE": os.path.join(home, "config"),
                   "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "credentials"),
                   "AWS_PROFILE": "short", "AWS_DEFAULT_REGION": "us-east-1",
                   "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": emu.endpoint}
            result = subprocess.run([EC2_INVENTORY, "--config", inventory, "--list", "--refresh-cache"], env=env,
                                    capture_output=True, text=True, timeout=300)
            self.assertEqual(result.returncode, 0, result.stderr)
            hostvars = json.loads(result.stdout)["_meta"]["hostvars"]
            self.assertEqual(len(hostvars), 6000)
            self.assertEqual({h["owner_id"] for h in hostvars.values()}, {"222222222222"})
            stats = emu.control("stats", method="GET")
            self.assertEqual(stats["actions"].get("DescribeInstances"), 6)
            self.assertNotIn("RequestExpired", stats["errors"])
            self.assertNotIn("ExpiredToken", stats["errors"])
            self.assertGreater(stats["actions"].get("sts:AssumeRole", 0), 1)


if __name__ == "__main__":
    EMULATOR, EC2_INVENTORY = sys.argv[1:3]
    unittest.main(argv=sys.argv[:1], verbosity=2)
