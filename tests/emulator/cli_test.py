"""Conformance tests: the Debian AWS CLI (/usr/bin/aws, its own SigV4 signing) against ec2-emulator.

Usage: /usr/bin/python3 cli_test.py PATH/TO/ec2-emulator
"""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

BINARY = None


def amazon_linux_2017(emu, region="us-east-1"):
    code, body, err = emu.aws("describe-images", "--owners", "amazon", "--filters",
                              "Name=name,Values=amzn-ami-hvm-2017.03.1.*-x86_64-gp2", region=region)
    assert code == 0, err
    assert len(body["Images"]) == 1, body
    return body["Images"][0]["ImageId"]


class Lifecycle(unittest.TestCase):
    def test_run_wait_stop_start_terminate(self):
        with harness.Emulator(BINARY, "--transition-scale", "0.02") as emu:
            ami = amazon_linux_2017(emu)
            code, key, err = emu.aws("create-key-pair", "--key-name", "ci key", "--key-type", "ed25519")
            self.assertEqual(code, 0, err)
            self.assertTrue(key["KeyMaterial"].startswith("-----BEGIN OPENSSH PRIVATE KEY-----"))
            code, run, err = emu.aws("run-instances", "--image-id", ami, "--count", "3", "--instance-type", "t3.micro",
                                     "--key-name", "ci key", "--tag-specifications",
                                     '[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web, blue"},'
                                     ' {"Key": "owner", "Value": "Zoë"}]}]')
            self.assertEqual(code, 0, err)
            ids = [i["InstanceId"] for i in run["Instances"]]
            self.assertEqual(len(ids), 3)
            self.assertEqual({i["State"]["Name"] for i in run["Instances"]}, {"pending"})
            code, _, err = emu.aws("wait", "instance-running", "--instance-ids", *ids)
            self.assertEqual(code, 0, err)
            code, desc, err = emu.aws("describe-instances", "--filters", "Name=tag:owner,Values=Zo?",
                                      "Name=instance-state-name,Values=running")
            self.assertEqual(code, 0, err)
            instances = [i for r in desc["Reservations"] for i in r["Instances"]]
            self.assertEqual(sorted(i["InstanceId"] for i in instances), sorted(ids))
            self.assertTrue(all(i.get("PublicIpAddress") for i in instances))
            self.assertTrue(all(i["KeyName"] == "ci key" for i in instances))
            code, stop, err = emu.aws("stop-instances", "--instance-ids", ids[0])
            self.assertEqual(code, 0, err)
            self.assertEqual(stop["StoppingInstances"][0]["CurrentState"]["Name"], "stopping")
            code, _, err = emu.aws("wait", "instance-stopped", "--instance-ids", ids[0])
            self.assertEqual(code, 0, err)
            code, _, err = emu.aws("start-instances", "--instance-ids", ids[0])
            self.assertEqual(code, 0, err)
            code, _, err = emu.aws("terminate-instances", "--instance-ids", *ids)
            self.assertEqual(code, 0, err)
            code, _, err = emu.aws("wait", "instance-terminated", "--instance-ids", *ids)
            self.assertEqual(code, 0, err)

    def test_status_checks_and_waiter(self):
        with harness.Emulator(BINARY, "--transition-scale", "0.02") as emu:
            ami = amazon_linux_2017(emu)
            code, run, err = emu.aws("run-instances", "--image-id", ami, "--count", "1")
            self.assertEqual(code, 0, err)
            iid = run["Instances"][0]["InstanceId"]
            emu.control("complete")
            code, status, err = emu.aws("describe-instance-status", "--instance-ids", iid)
            self.assertEqual(status["InstanceStatuses"][0]["InstanceStatus"]["Status"], "ok")
            code, _, err = emu.aws("wait", "instance-status-ok", "--instance-ids", iid)
            self.assertEqual(code, 0, err)


class Pagination(unittest.TestCase):
    def test_page_size_walks_every_page(self):
        with harness.Emulator(BINARY, "--seed-instances", "57") as emu:
            before = emu.control("stats", method="GET")["actions"].get("DescribeInstances", 0)
            code, body, err = emu.aws("describe-instances", "--page-size", "10")
            self.assertEqual(code, 0, err)
            ids = [i["InstanceId"] for r in body["Reservations"] for i in r["Instances"]]
            self.assertEqual(len(ids), 57)
            self.assertEqual(len(set(ids)), 57)
            after = emu.control("stats", method="GET")["actions"]["DescribeInstances"]
            self.assertEqual(after - before, 6)

    def test_max_items_and_starting_token(self):
        with harness.Emulator(BINARY, "--seed-instances", "30") as emu:
            code, first, err = emu.aws("describe-instances", "--page-size", "5", "--max-items", "12")
            self.assertEqual(code, 0, err)
            self.assertIn("NextToken", first)
            code, rest, err = emu.aws("describe-instances", "--page-size", "5", "--starting-token", first["NextToken"])
            self.assertEqual(code, 0, err)
            count = lambda b: sum(len(r["Instances"]) for r in b["Reservations"])  # noqa: E731
            self.assertEqual(count(first) + count(rest), 30)


class Errors(unittest.TestCase):
    def setUp(self):
        self.emu = harness.Emulator(BINARY).__enter__()

    def tearDown(self):
        self.emu.__exit__(None, None, None)

    def assertFails(self, code_name, *args, **kw):
        code, _, err = self.emu.aws(*args, **kw)
        self.assertNotEqual(code, 0)
        self.assertIn("(%s)" % code_name, err)
        return err

    def test_not_found_and_malformed(self):
        err = self.assertFails("InvalidInstanceID.NotFound", "describe-instances", "--instance-ids", "i-0123456789abcdef0")
        self.assertIn("The instance ID 'i-0123456789abcdef0' does not exist", err)
        self.assertFails("InvalidInstanceID.Malformed", "stop-instances", "--instance-ids", "i-nothex")
        self.assertFails("InvalidKeyPair.NotFound", "describe-key-pairs", "--key-names", "nope")
        self.assertFails("InvalidAMIID.NotFound", "run-instances", "--image-id", "ami-12345678", "--count", "1")

    def test_signature_problems(self):
        self.assertFails("SignatureDoesNotMatch", "describe-instances", secret="not-the-secret")
        self.assertFails("AuthFailure", "describe-instances", key="AKIAUNKNOWNKEY000000")

    def test_dry_run_and_read_only_keys(self):
        ami = amazon_linux_2017(self.emu)
        self.assertFails("DryRunOperation", "run-instances", "--image-id", ami, "--count", "1", "--dry-run")
        self.assertFails("UnauthorizedOperation", "run-instances", "--image-id", ami, "--count", "1", "--dry-run",
                         key=harness.READ_ONLY_KEY, secret=harness.READ_ONLY_SECRET)
        code, body, err = self.emu.aws("describe-instances")
        self.assertEqual(body["Reservations"], [])

    def test_invalid_parameters(self):
        err = self.assertFails("InvalidParameterValue", "describe-instances", "--filters", "Name=colour,Values=red")
        self.assertIn("The filter 'colour' is invalid", err)
        self.assertFails("InvalidParameterValue", "describe-instances", "--max-results", "3")
        ami = amazon_linux_2017(self.emu)
        self.assertFails("InvalidParameterValue", "run-instances", "--image-id", ami, "--count", "1",
                         "--instance-type", "t9.enormous")


class KeyPairs(unittest.TestCase):
    def test_create_import_describe_delete(self):
        with harness.Emulator(BINARY) as emu:
            code, rsa, err = emu.aws("create-key-pair", "--key-name", "rsa-key")
            self.assertEqual(code, 0, err)
            self.assertTrue(rsa["KeyMaterial"].startswith("-----BEGIN RSA PRIVATE KEY-----"))
            self.assertEqual(len(rsa["KeyFingerprint"].split(":")), 20)
            key_path = os.path.join(emu.tmp.name, "imported")
            subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", key_path], check=True)
            code, imported, err = emu.aws("import-key-pair", "--key-name", "imported",
                                          "--public-key-material", "fileb://" + key_path + ".pub")
            self.assertEqual(code, 0, err)
            der = subprocess.run("ssh-keygen -e -m PKCS8 -f %s.pub | openssl pkey -pubin -outform DER | openssl md5 -c"
                                 % key_path, shell=True, capture_output=True, text=True).stdout
            self.assertIn(imported["KeyFingerprint"], der)
            code, _, err = emu.aws("create-key-pair", "--key-name", "rsa-key")
            self.assertIn("(InvalidKeyPair.Duplicate)", err)
            code, listed, err = emu.aws("describe-key-pairs", "--include-public-key")
            self.assertEqual(sorted(k["KeyName"] for k in listed["KeyPairs"]), ["imported", "rsa-key"])
            self.assertTrue(all(k["PublicKey"].startswith("ssh-rsa ") for k in listed["KeyPairs"]))
            with open(key_path + ".pub") as f:
                public = " ".join(f.read().split()[:2])
            self.assertEqual({k["KeyName"]: k["PublicKey"] for k in listed["KeyPairs"]}["imported"], public)
            code, plain, err = emu.aws("describe-key-pairs", "--key-names", "imported")
            self.assertEqual(code, 0, err)
            self.assertNotIn("PublicKey", plain["KeyPairs"][0])
            code, _, err = emu.aws("delete-key-pair", "--key-name", "rsa-key")
            self.assertEqual(code, 0, err)
            code, _, err = emu.aws("describe-key-pairs", "--key-names", "rsa-key")
            self.assertIn("(InvalidKeyPair.NotFound)", err)

    def test_other_endpoint_styles(self):
        with harness.Emulator(BINARY, "--key-fingerprints", "hex", "--no-public-key") as emu:
            key_path = os.path.join(emu.tmp.name, "ed")
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key_path], check=True)
            code, imported, err = emu.aws("import-key-pair", "--key-name", "ed",
                                          "--public-key-material", "fileb://" + key_path + ".pub")
            self.assertEqual(code, 0, err)
            sha256 = subprocess.run("cut -d' ' -f2 %s.pub | base64 -d | sha256sum" % key_path, shell=True,
                                    capture_output=True, text=True).stdout.split()[0]
            expected = ":".join(sha256[i:i + 2] for i in range(0, len(sha256), 2))
            self.assertEqual(imported["KeyFingerprint"], expected)
            code, listed, err = emu.aws("describe-key-pairs", "--include-public-key")
            self.assertEqual(code, 0, err)
            self.assertEqual(listed["KeyPairs"][0]["KeyFingerprint"], expected)
            self.assertNotIn("PublicKey", listed["KeyPairs"][0])


class RegionsAndImages(unittest.TestCase):
    def test_regions_zones_and_per_region_state(self):
        with harness.Emulator(BINARY, "--transition-scale", "0") as emu:
            code, regions, err = emu.aws("describe-regions")
            names = {r["RegionName"] for r in regions["Regions"]}
            self.assertIn("eu-west-1", names)
            self.assertNotIn("af-south-1", names)
            code, regions, err = emu.aws("describe-regions", "--all-regions")
            self.assertIn("af-south-1", {r["RegionName"] for r in regions["Regions"]})
            code, zones, err = emu.aws("describe-availability-zones", region="eu-west-1")
            self.assertEqual([z["ZoneName"] for z in zones["AvailabilityZones"]],
                             ["eu-west-1a", "eu-west-1b", "eu-west-1c"])
            ami_eu = amazon_linux_2017(emu, region="eu-west-1")
            self.assertNotEqual(ami_eu, amazon_linux_2017(emu))
            code, _, err = emu.aws("run-instances", "--image-id", ami_eu, "--count", "1", region="eu-west-1")
            self.assertEqual(code, 0, err)
            code, here, _ = emu.aws("describe-instances", region="eu-west-1")
            code, there, _ = emu.aws("describe-instances", region="us-east-1")
            self.assertEqual(len(here["Reservations"]), 1)
            self.assertEqual(there["Reservations"], [])

    def test_image_filters(self):
        with harness.Emulator(BINARY) as emu:
            code, body, err = emu.aws("describe-images", "--owners", "amazon", "--filters", "Name=name,Values=al2023-ami-*")
            self.assertEqual(code, 0, err)
            self.assertGreaterEqual(len(body["Images"]), 2)
            self.assertTrue(all(i["ImageOwnerAlias"] == "amazon" for i in body["Images"]))
            code, body, err = emu.aws("describe-images", "--filters", "Name=owner-alias,Values=amazon",
                                      "Name=architecture,Values=arm64")
            self.assertTrue(all(i["Architecture"] == "arm64" for i in body["Images"]))


class Serving(unittest.TestCase):
    def test_verbose_log_printed_port_and_clean_sigterm(self):
        with harness.Emulator(BINARY, "-v") as emu:
            code, body, err = emu.aws("describe-availability-zones", region="eu-west-1")
            self.assertEqual(code, 0, err)
            port = emu.endpoint.rsplit(":", 1)[1]
            self.assertEqual(emu.stop(), 0)  # SIGTERM: a clean exit
            log = emu.log_text()
            self.assertIn("listening on http://127.0.0.1:" + port, log)
            self.assertIn("DescribeAvailabilityZones", log)
            self.assertIn("eu-west-1", log)


class StateFile(unittest.TestCase):
    def test_acknowledged_mutations_survive_sigkill(self):
        with harness.Emulator(BINARY) as emu:
            state = os.path.join(emu.tmp.name, "state.json")
            emu.stop()
            emu.args = ["--state-file", state]
            emu.start()
            ami = amazon_linux_2017(emu)
            code, run, err = emu.aws("run-instances", "--image-id", ami, "--count", "2")
            self.assertEqual(code, 0, err)
            code, _, err = emu.aws("create-key-pair", "--key-name", "kept")
            emu.stop(kill=True)
            emu.start()
            code, body, err = emu.aws("describe-instances")
            self.assertEqual(code, 0, err)
            ids = sorted(i["InstanceId"] for r in body["Reservations"] for i in r["Instances"])
            self.assertEqual(ids, sorted(i["InstanceId"] for i in run["Instances"]))
            code, keys, err = emu.aws("describe-key-pairs")
            self.assertEqual([k["KeyName"] for k in keys["KeyPairs"]], ["kept"])


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
