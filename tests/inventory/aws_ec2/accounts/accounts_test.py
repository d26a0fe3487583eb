"""ec2-inventory's aws_ec2 mode over many accounts, against an emulator with accounts.

iam_role_arn gives what Debian's amazon.aws.aws_ec2 plugin gives; `ec2_inventory.accounts` in each
form gives the union of the single-account inventories; the streams of all accounts run at once
within max_requests_in_flight; a throttled run converges; a role that refuses the caller is
skipped or fails the run per strict_permissions; role sessions that expire during a run are
assumed again; plugin_compatible refuses the extensions.

Usage: /usr/bin/python3 accounts_test.py EMULATOR EC2_INVENTORY
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "emulator"))
import harness  # noqa: E402

EMULATOR = EC2_INVENTORY = None
READER = ("AKIAREADER0000000001", "reader/secret/key/00000000000000000001")
ACCOUNTS = ["111111111111", "222222222222", "333333333333"]
REGIONS = "regions: [us-east-1, eu-west-1]\n"
BODY = "keyed_groups:\n  - key: instance_type\n    prefix: type\n  - key: placement.region\n"


def role(account, name="inventory"):
    return "arn:aws:iam::%s:role/%s" % (account, name)


class Run:
    def __init__(self, result):
        self.status, self.out, self.err = result.returncode, result.stdout, result.stderr


class AccountsTest(unittest.TestCase):
    def emulator(self, *args):
        emu = harness.Emulator(EMULATOR, "--accounts", os.path.join(HERE, "accounts.yaml"), "--seed", "7",
                               "--seed-instances", "8", "--seed-regions", "us-east-1,eu-west-1", *args)
        emu.__enter__()
        self.addCleanup(emu.__exit__, None, None, None)
        return emu

    def env(self, emu, **extra):
        env = {"PATH": "/usr/bin:/bin", "HOME": emu.tmp.name, "LANG": "C.UTF-8",
               "AWS_CONFIG_FILE": os.path.join(emu.tmp.name, "none"),
               "AWS_SHARED_CREDENTIALS_FILE": os.path.join(emu.tmp.name, "none"),
               "AWS_ACCESS_KEY_ID": READER[0], "AWS_SECRET_ACCESS_KEY": READER[1],
               "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"}
        env.update(extra)
        return env

    def config(self, emu, name, text):
        path = os.path.join(emu.tmp.name, name + ".aws_ec2.yml")
        with open(path, "w") as f:
            f.write("plugin: amazon.aws.aws_ec2\n" + text)
        return path

    def ours(self, emu, config, *args, **extra):
        return Run(subprocess.run([EC2_INVENTORY, "--config", config, "--list"] + list(args),
                                  env=self.env(emu, AWS_ENDPOINT_URL=emu.endpoint, **extra),
                                  capture_output=True, text=True, timeout=300))

    def listed(self, emu, config, **extra):
        run = self.ours(emu, config, **extra)
        self.assertEqual(run.status, 0, run.err)
        return json.loads(run.out)

    def single_account_union(self, emu, accounts):
        """The inventories of one run per account (iam_role_arn), merged in account order."""
        merged = {"_meta": {"hostvars": {}}}
        for account in accounts:
            one = self.listed(emu, self.config(emu, "one" + account, REGIONS + BODY + "iam_role_arn: %s\n" % role(account)))
            merged["_meta"]["hostvars"].update(one["_meta"]["hostvars"])
            for group, value in one.items():
                if group == "_meta":
                    continue
                into = merged.setdefault(group, {})
                for key in ("hosts", "children"):
                    if key in value:
                        into[key] = into.get(key, []) + [h for h in value[key] if h not in into.get(key, [])]
        return merged

    def test_iam_role_arn_lists_what_the_plugin_lists(self):
        emu = self.emulator()
        config = self.config(emu, "role", REGIONS + BODY + "iam_role_arn: %s\n" % role("222222222222"))
        ours = self.ours(emu, config)
        self.assertEqual(ours.status, 0, ours.err)
        theirs = subprocess.run(["/usr/bin/ansible-inventory", "-i", config, "--list"],
                                env=self.env(emu, PYTHONPATH=os.path.join(HERE, "..", "pyhook"),
                                             EC2_TEST_ENDPOINT_URL=emu.endpoint),
                                capture_output=True, text=True, timeout=300)
        self.assertEqual(theirs.returncode, 0, theirs.stderr)
        self.assertEqual(ours.out, theirs.stdout)
        hostvars = json.loads(ours.out)["_meta"]["hostvars"]
        self.assertEqual({h["owner_id"] for h in hostvars.values()}, {"222222222222"})
        self.assertEqual(len(hostvars), 8)

    def test_iam_role_arn_refused_fails_the_run(self):
        emu = self.emulator()
        run = self.ours(emu, self.config(emu, "locked", REGIONS + "iam_role_arn: %s\n" % role("222222222222", "locked")))
        self.assertNotEqual(run.status, 0)
        self.assertEqual(run.out, "")
        self.assertIn("Unable to assume IAM role: ", run.err)
        self.assertIn("AccessDenied", run.err)
        self.assertIn("(request ", run.err)
        self.assertEqual(emu.control("stats", method="GET")["actions"].get("DescribeInstances", 0), 0)

    def test_every_form_gives_the_union_of_the_accounts(self):
        emu = self.emulator()
        expected = self.single_account_union(emu, ACCOUNTS)
        forms = {
            "list": "    role_arns: [%s]\n" % ", ".join(role(a) for a in ACCOUNTS),
            "template": "    role_name: inventory\n    account_ids: [%s]\n" % ", ".join('"%s"' % a for a in ACCOUNTS),
            "organization": "    role_name: inventory\n    organization:\n      include: [%s]\n"
                            "      exclude: [\"444444444444\"]\n" % ", ".join('"%s"' % a for a in ACCOUNTS + ["444444444444"]),
        }
        for form, accounts in forms.items():
            with self.subTest(form=form):
                got = self.listed(emu, self.config(emu, form, REGIONS + BODY + "ec2_inventory:\n  accounts:\n" + accounts))
                self.assertEqual(json.dumps(got, indent=4, sort_keys=True), json.dumps(expected, indent=4, sort_keys=True))
                self.assertEqual(len(got["_meta"]["hostvars"]), 24)

    def test_account_variables_are_read_by_expressions_only(self):
        emu = self.emulator()
        got = self.listed(emu, self.config(emu, "compose", REGIONS + "ec2_inventory:\n  accounts:\n    role_name: inventory\n"
                                           "    organization:\n      exclude: [\"444444444444\"]\n"
                                           "compose:\n  account_alias: ec2_inventory_account_name\n"
                                           "keyed_groups:\n  - key: ec2_inventory_account_id\n    prefix: account\n"))
        hostvars = got["_meta"]["hostvars"]
        aliases = {"111111111111": "hub", "222222222222": "prod", "333333333333": "staging"}
        for host in hostvars.values():
            self.assertEqual(host["account_alias"], aliases[host["owner_id"]])
            self.assertFalse(any(k.startswith("ec2_inventory_") for k in host))
        for account in ACCOUNTS:
            self.assertEqual(len(got["account_" + account]["hosts"]), 8)

    def test_streams_of_all_accounts_overlap_within_the_bound(self):
        # 3 accounts × 2 regions: six streams, each one page, all in flight at once unless bounded.
        accounts = REGIONS + "ec2_inventory:\n  accounts:\n    role_arns: [%s]\n" % ", ".join(role(a) for a in ACCOUNTS)
        for bound, check in ((256, lambda peak: self.assertEqual(peak, 6)), (2, lambda peak: self.assertEqual(peak, 2))):
            with self.subTest(max_requests_in_flight=bound):
                emu = self.emulator("--fault", "*:latency=1000")
                got = self.listed(emu, self.config(emu, "bound", accounts + "  max_requests_in_flight: %d\n" % bound))
                self.assertEqual({h["owner_id"] for h in got["_meta"]["hostvars"].values()}, set(ACCOUNTS))
                stats = emu.control("stats", method="GET")
                self.assertEqual(stats["actions"]["DescribeInstances"], 6)
                self.assertEqual(stats["actions"]["sts:AssumeRole"], 3)
                check(stats["peak_in_flight"])

    def test_a_throttled_run_converges_beyond_max_attempts(self):
        # Six throttled answers over three streams: some stream is throttled at least twice, more
        # than AWS_MAX_ATTEMPTS=2 allows for other errors.
        config = "regions: [us-east-1]\nec2_inventory:\n  accounts:\n    role_arns: [%s]\n" % ", ".join(role(a) for a in ACCOUNTS)
        plain = self.emulator()
        expected = self.ours(plain, self.config(plain, "plain", config))
        emu = self.emulator("--fault", "DescribeInstances:throttle=1,count=6")
        run = self.ours(emu, self.config(emu, "throttled", config), AWS_MAX_ATTEMPTS="2")
        self.assertEqual(run.status, 0, run.err)
        self.assertEqual(run.out, expected.out)
        stats = emu.control("stats", method="GET")
        self.assertEqual(stats["errors"].get("RequestLimitExceeded"), 6)

    def test_a_refusing_role_is_skipped_only_without_strict_permissions(self):
        emu = self.emulator()
        locked = role("222222222222", "locked")
        accounts = REGIONS + "ec2_inventory:\n  accounts:\n    role_arns: [%s, %s, %s]\n" % (role(ACCOUNTS[0]), locked, role(ACCOUNTS[2]))
        lenient = self.ours(emu, self.config(emu, "lenient", accounts + "strict_permissions: false\n"))
        self.assertEqual(lenient.status, 0, lenient.err)
        self.assertIn("warning: skipping account 222222222222 (role %s): " % locked, lenient.err)
        owners = {h["owner_id"] for h in json.loads(lenient.out)["_meta"]["hostvars"].values()}
        self.assertEqual(owners, {ACCOUNTS[0], ACCOUNTS[2]})
        strict = self.ours(emu, self.config(emu, "strict", accounts))
        self.assertNotEqual(strict.status, 0)
        self.assertEqual(strict.out, "")
        for text in ("222222222222", locked, "AccessDenied", "(request "):
            self.assertIn(text, strict.err)

    def test_assumed_roles_are_shared_through_the_cli_cache(self):
        emu = self.emulator()
        config = self.config(emu, "cached", REGIONS + "cache: true\ncache_connection: %s\n" % os.path.join(emu.tmp.name, "inv")
                             + "ec2_inventory:\n  accounts:\n    role_arns: [%s]\n" % ", ".join(role(a) for a in ACCOUNTS))
        first = self.listed(emu, config)
        cache = os.path.join(emu.tmp.name, ".aws", "cli", "cache")
        self.assertEqual(len(os.listdir(cache)), 3)
        again = self.ours(emu, config, "--refresh-cache")
        self.assertEqual(again.status, 0, again.err)
        self.assertEqual(json.loads(again.out), first)
        self.assertEqual(emu.control("stats", method="GET")["actions"]["sts:AssumeRole"], 3)

    def test_role_sessions_that_expire_mid_run_are_assumed_again(self):
        # Sessions last 0.00125 x 3600 s = 4.5 s; three pages a stream at 2 s each outlast them.
        emu = harness.Emulator(EMULATOR, "--accounts", os.path.join(HERE, "accounts.yaml"), "--seed", "7",
                               "--seed-instances", "2500", "--seed-regions", "us-east-1",
                               "--session-lifetime-scale", "0.00125", "--fault", "DescribeInstances:latency=2000")
        emu.__enter__()
        self.addCleanup(emu.__exit__, None, None, None)
        accounts = ACCOUNTS[:2]
        got = self.listed(emu, self.config(emu, "long", "regions: [us-east-1]\nhostnames: [instance-id]\n"
                                           "ec2_inventory:\n  accounts:\n"
                                           "    role_arns: [%s]\n" % ", ".join(role(a) for a in accounts)))
        hostvars = got["_meta"]["hostvars"]
        self.assertEqual(len(hostvars), 5000)
        self.assertEqual({h["owner_id"] for h in hostvars.values()}, set(accounts))
        stats = emu.control("stats", method="GET")
        self.assertEqual(stats["actions"]["DescribeInstances"], 6)
        self.assertNotIn("RequestExpired", stats["errors"])
        self.assertNotIn("ExpiredToken", stats["errors"])
        self.assertGreater(stats["actions"]["sts:AssumeRole"], len(accounts))

    def test_plugin_compatible_refuses_the_extensions(self):
        emu = self.emulator()
        config = self.config(emu, "compat", REGIONS + "ec2_inventory:\n  plugin_compatible: true\n  accounts:\n"
                             "    role_arns: [%s]\n" % role(ACCOUNTS[0]))
        run = self.ours(emu, config)
        self.assertNotEqual(run.status, 0)
        self.assertEqual(run.out, "")
        self.assertIn(config + ":5: option 'ec2_inventory.accounts': not an option of the amazon.aws.aws_ec2 plugin", run.err)


if __name__ == "__main__":
    EMULATOR, EC2_INVENTORY = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=2)
