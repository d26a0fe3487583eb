#!/usr/bin/python3
"""Smoke test of the multi-account benchmark's set-up (bench/accounts.py), not of its figures: the
accounts file it writes works in ec2-emulator (the hub user assumes the role of every account and
sees that account's seeded fleet), its configs say what they should, the critical path is computed
as documented and the report marks what was not measured.

Usage: accounts_test.py EC2_EMULATOR
"""
import os
import sys
import tempfile
import time
import unittest

import boto3
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accounts  # noqa: E402
import harness  # noqa: E402

EMULATOR = None


def plugin_figure(seconds, stopped, subsets, peak_mib, peak_accounts):
    """A measure_plugin result as the report reads it."""
    return {"seconds": seconds, "stopped": stopped, "limit": 600.0, "predicted": 400.0, "subsets": subsets,
            "peak_mib": peak_mib, "peak_accounts": peak_accounts, "peak_hosts": peak_accounts * 800}


def run_result(ours, plugin, flat, single):
    """An accounts.run result as the report reads it."""
    return {"latency": {"inventory": ours, "plugin": plugin}, "flat": flat, "single": single,
            "critical_ms": 450, "pages": 1, "runs": 5}


class AccountsSetUpTest(unittest.TestCase):
    def test_hub_user_assumes_every_accounts_role_and_sees_its_fleet(self):
        with tempfile.TemporaryDirectory() as home:
            path = os.path.join(home, "accounts.yaml")
            with open(path, "w") as f:
                f.write(accounts.accounts_yaml(3))
            with harness.Emulator(EMULATOR, *accounts.emulator_args(path, 8, latency=False)) as emu:
                hub = boto3.session.Session(aws_access_key_id=accounts.HUB_KEY,
                                            aws_secret_access_key=accounts.HUB_SECRET)
                sts = hub.client("sts", region_name="us-east-1", endpoint_url=emu.url)
                seen = set()
                for i in range(1, 4):
                    creds = sts.assume_role(RoleArn=accounts.role_arn(i), RoleSessionName="smoke")["Credentials"]
                    role = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"],
                                                 aws_secret_access_key=creds["SecretAccessKey"],
                                                 aws_session_token=creds["SessionToken"])
                    who = role.client("sts", region_name="us-east-1", endpoint_url=emu.url).get_caller_identity()
                    self.assertEqual(who["Account"], accounts.account_id(i))
                    for region in accounts.REGIONS:
                        ec2 = role.client("ec2", region_name=region, endpoint_url=emu.url)
                        ids = [x["InstanceId"] for r in ec2.describe_instances()["Reservations"]
                               for x in r["Instances"]]
                        self.assertEqual(len(ids), 2, region)  # 8 per account over 4 regions
                        seen.update(ids)
                self.assertEqual(len(seen), 24)  # instance ids differ between accounts

    def test_configs(self):
        ours = yaml.safe_load(accounts.inventory_config("http://127.0.0.1:1", 3))
        self.assertEqual(ours["regions"], accounts.REGIONS)
        self.assertEqual(ours["endpoint_url"], "http://127.0.0.1:1")
        self.assertEqual(ours["ec2_inventory"]["accounts"]["role_arns"],
                         [f"arn:aws:iam::10000000000{i}:role/inventory" for i in (1, 2, 3)])
        self.assertEqual(ours["ec2_inventory"]["max_requests_in_flight"], 256)
        self.assertNotIn("ec2_inventory", yaml.safe_load(accounts.inventory_config("http://127.0.0.1:1", 0)))
        plugin = yaml.safe_load(accounts.plugin_config(7))
        self.assertEqual(plugin["iam_role_arn"], "arn:aws:iam::100000000007:role/inventory")
        self.assertEqual(plugin["hostnames"], ["instance-id"])
        self.assertNotIn("endpoint_url", plugin)  # the 5.5.1 plugin has no such option

    def test_report_of_a_measured_run(self):
        ours = {"median": 0.5, "min": 0.48, "max": 0.6, "peak_mib": 120.0, "cpu": 0.9, "server_cpu": 1.1,
                "hosts": 40000, "calls": {"AssumeRole": 50, "DescribeInstances": 200}}
        plugin = plugin_figure(420.0, False, {2: 10.0, 5: 35.0}, 2000.0, 50)
        text = "\n".join(accounts.report_lines(run_result(ours, plugin, ours, ours)))
        self.assertIn("1.11× the critical path (goal ≤ 1.25×: met)", text)
        self.assertIn("| 420.00 s | 2000 MiB | 840× ours |", text)
        self.assertIn("AssumeRole 50, DescribeInstances 200", text)
        self.assertNotIn("to be measured", text)
        self.assertNotIn("out of reach", text)
        slow = dict(ours, median=3.0)
        flat = dict(ours, median=1.5)
        text = "\n".join(accounts.report_lines(run_result(slow, plugin, flat, ours)))
        self.assertIn("**not met**", text)
        self.assertIn("without added latency the same 50 accounts take 1.50 s (3.33× the critical path)", text)
        self.assertIn("The added latency costs 1.50 s over that run", text)

    def test_a_run_past_its_limit_is_stopped_with_its_children(self):
        with tempfile.TemporaryDirectory() as home:
            marker = os.path.join(home, "child-still-ran")
            script = f"sleep 2 && touch {marker} & sleep 30"
            with self.assertRaises(harness.TimedOut):
                harness.timed_run(["/bin/sh", "-c", script], dict(os.environ), peak=True, timeout=0.5)
            time.sleep(2.5)
            self.assertFalse(os.path.exists(marker))
        self.assertEqual(harness.timed_run(["/bin/true"], dict(os.environ), timeout=30).stdout, b"")

    def test_critical_path(self):
        self.assertEqual(accounts.critical_path(), (450, 1))
        self.assertEqual(accounts.critical_path(300, 150, 2500, 1000), (750, 3))

    def test_report_marks_unmeasured_figures_and_keeps_other_sections(self):
        refused = {"refused": "aws_ec2.yml:9: unknown option 'ec2_inventory'"}
        result = run_result(refused, plugin_figure(600.0, True, {2: 6.0, 5: 14.0}, 900.0, 5), refused, refused)
        text = "\n".join(accounts.report_lines(result))
        self.assertIn("to be measured", text)
        self.assertIn("| ≥ 600.00 s | 900 MiB | ratio to be measured |", text)
        self.assertIn("a lower bound", text)
        self.assertIn("unknown option 'ec2_inventory'", text)
        self.assertNotIn("× the critical path", text)
        with tempfile.TemporaryDirectory() as home:
            path = os.path.join(home, "benchmarks.md")
            with open(path, "w") as f:
                f.write(f"# Benchmarks\n\n## Before\n\nkept\n\n{accounts.HEADING}\n\nold\n\n## After\n\nkept too\n")
            accounts.update_section(path, accounts.report_lines(result))
            with open(path) as f:
                updated = f.read()
        self.assertIn("## Before\n\nkept\n", updated)
        self.assertIn("## After\n\nkept too\n", updated)
        self.assertNotIn("\nold\n", updated)
        self.assertEqual(updated.count(accounts.HEADING), 1)


if __name__ == "__main__":
    EMULATOR = sys.argv.pop(1)
    unittest.main()
