"""Conformance tests: boto3/botocore (Debian python3-boto3) against ec2-emulator.

Usage: /usr/bin/python3 boto3_test.py PATH/TO/ec2-emulator
"""
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

import botocore.exceptions  # noqa: E402
import botocore.parsers  # noqa: E402

BINARY = None


def error_of(call, *args, **kwargs):
    """Runs call; returns (code, HTTP status) of the ClientError it must raise."""
    try:
        call(*args, **kwargs)
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("no error raised")


def image(ec2):
    images = ec2.describe_images(Owners=["amazon"], Filters=[
        {"Name": "name", "Values": ["amzn-ami-hvm-2017.03.1.20170812-x86_64-gp2"]}])["Images"]
    assert len(images) == 1 and images[0]["OwnerId"] == "137112412989"
    return images[0]["ImageId"]


class Instances(unittest.TestCase):
    def test_paginator_and_reservations(self):
        with harness.Emulator(BINARY, "--seed-instances", "23") as emu:
            ec2 = emu.client()
            pages = list(ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 5}))
            self.assertEqual(len(pages), 5)
            ids = [i["InstanceId"] for p in pages for r in p["Reservations"] for i in r["Instances"]]
            self.assertEqual(len(set(ids)), 23)
            self.assertTrue(all(r["OwnerId"] == "123456789012" for p in pages for r in p["Reservations"]))
            self.assertEqual(error_of(ec2.describe_instances, NextToken="not-a-token"),
                             ("InvalidPaginationToken", 400))

    def test_waiters_client_token_and_dry_run(self):
        with harness.Emulator(BINARY, "--transition-scale", "0.02") as emu:
            ec2 = emu.client()
            ami = image(ec2)
            self.assertEqual(error_of(ec2.run_instances, ImageId=ami, MinCount=1, MaxCount=1, DryRun=True),
                             ("DryRunOperation", 412))
            first = ec2.run_instances(ImageId=ami, MinCount=2, MaxCount=2, ClientToken="deploy-1",
                                      InstanceType="t3.small")
            again = ec2.run_instances(ImageId=ami, MinCount=2, MaxCount=2, ClientToken="deploy-1",
                                      InstanceType="t3.small")
            self.assertEqual(first["ReservationId"], again["ReservationId"])
            self.assertEqual(error_of(ec2.run_instances, ImageId=ami, MinCount=1, MaxCount=1, ClientToken="deploy-1"),
                             ("IdempotentParameterMismatch", 400))
            ids = [i["InstanceId"] for i in first["Instances"]]
            ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig={"Delay": 1})
            ec2.get_waiter("instance_status_ok").wait(InstanceIds=ids, WaiterConfig={"Delay": 1})
            running = ec2.describe_instances(InstanceIds=ids)["Reservations"][0]["Instances"]
            self.assertTrue(all(i["PublicDnsName"].endswith(".compute-1.amazonaws.com") for i in running))
            self.assertEqual(error_of(ec2.start_instances, InstanceIds=["i-0123456789abcdef0"]),
                             ("InvalidInstanceID.NotFound", 400))
            ec2.terminate_instances(InstanceIds=ids)
            self.assertEqual(error_of(ec2.start_instances, InstanceIds=ids[:1]), ("IncorrectInstanceState", 400))

    def test_filters(self):
        with harness.Emulator(BINARY, "--seed-instances", "40") as emu:
            ec2 = emu.client()
            everything = ec2.describe_instances()["Reservations"]
            total = sum(len(r["Instances"]) for r in everything)
            one = everything[0]["Instances"][0]
            by_ip = ec2.describe_instances(Filters=[{"Name": "private-ip-address", "Values": [one["PrivateIpAddress"]]}])
            self.assertEqual([i["InstanceId"] for r in by_ip["Reservations"] for i in r["Instances"]], [one["InstanceId"]])
            stopped = ec2.describe_instances(Filters=[{"Name": "instance-state-name", "Values": ["stopped"]}])
            n_stopped = sum(len(r["Instances"]) for r in stopped["Reservations"])
            self.assertEqual(n_stopped, 8)
            spaced = ec2.describe_instances(Filters=[{"Name": "tag:team", "Values": ["platform team"]},
                                                     {"Name": "instance-type", "Values": ["t3.*", "m5.large"]}])
            found = [i for r in spaced["Reservations"] for i in r["Instances"]]
            self.assertTrue(found)
            self.assertTrue(all(i["InstanceType"].startswith(("t3.", "m5.")) for i in found))
            self.assertLess(len(found), total)
            unicode = ec2.describe_instances(Filters=[{"Name": "tag:owner", "Values": ["山田*"]}])
            self.assertTrue(unicode["Reservations"])
            self.assertEqual(error_of(ec2.describe_instances, Filters=[{"Name": "nonsense", "Values": ["x"]}]),
                             ("InvalidParameterValue", 400))


class Faults(unittest.TestCase):
    def test_throttling_is_retried_by_botocore(self):
        with harness.Emulator(BINARY, "--fault", "DescribeRegions:throttle=1,count=2") as emu:
            ec2 = emu.client(retries={"mode": "standard", "max_attempts": 4})
            self.assertTrue(ec2.describe_regions()["Regions"])
            self.assertEqual(emu.control("stats", method="GET")["faults"]["throttle"], 2)

    def test_stats_tell_the_most_requests_served_at_once(self):
        with harness.Emulator(BINARY, "--fault", "DescribeAvailabilityZones:latency=400") as emu:
            emu.client().describe_availability_zones()
            self.assertEqual(emu.control("stats", method="GET")["peak_in_flight"], 1)
            clients = [emu.client() for _ in range(3)]  # a connection each
            threads = [threading.Thread(target=c.describe_availability_zones) for c in clients]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            stats = emu.control("stats", method="GET")
            self.assertEqual(stats["peak_in_flight"], 3)
            self.assertEqual(stats["actions"]["DescribeAvailabilityZones"], 4)

    def test_internal_error_reset_and_truncation(self):
        with harness.Emulator(BINARY) as emu:
            ec2 = emu.client(retries={"mode": "standard", "max_attempts": 1})
            emu.control("faults", body={"action": "DescribeAvailabilityZones", "internal": 1})
            self.assertEqual(error_of(ec2.describe_availability_zones), ("InternalError", 500))
            emu.control("faults", body={"action": "DescribeAvailabilityZones", "reset": 1})
            with self.assertRaises(botocore.exceptions.ConnectionClosedError):
                ec2.describe_availability_zones()
            emu.control("faults", body={"action": "DescribeAvailabilityZones", "truncate": 1})
            # urllib3 hands botocore the short body; botocore then fails to parse it.
            with self.assertRaises((botocore.exceptions.HTTPClientError, botocore.parsers.ResponseParserError)):
                ec2.describe_availability_zones()
            emu.control("faults", method="DELETE")
            self.assertEqual(len(ec2.describe_availability_zones()["AvailabilityZones"]), 3)


def signed_get(emu, query, extra_headers=None, with_headers=False):
    """Sends GET /?QUERY signed by botocore's SigV4 signer; returns (status, body[, headers])."""
    import urllib.error
    import urllib.request
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    request = AWSRequest(method="GET", url=emu.endpoint + "/?" + query)
    SigV4Auth(Credentials(harness.ACCESS_KEY, harness.SECRET_KEY), "ec2", "eu-west-1").add_auth(request)
    headers = dict(request.headers, **(extra_headers or {}))
    try:
        with urllib.request.urlopen(urllib.request.Request(request.url, headers=headers)) as response:
            result = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as e:
        result = e.code, e.read().decode(), e.headers
    return result if with_headers else result[:2]


class QueryString(unittest.TestCase):
    def test_responses_are_sent_uncompressed_with_a_length(self):
        with harness.Emulator(BINARY, "--seed-instances", "50", "--seed-regions", "eu-west-1") as emu:
            status, body, headers = signed_get(emu, "Action=DescribeInstances&Version=2016-11-15",
                                               {"Accept-Encoding": "gzip, deflate, br"}, with_headers=True)
            self.assertEqual(status, 200, body)
            self.assertIsNone(headers.get("Content-Encoding"))
            self.assertEqual(int(headers["Content-Length"]), len(body.encode()))
            self.assertEqual(body.count("<instanceId>"), 50)

    def test_signed_get_and_unknown_action(self):
        with harness.Emulator(BINARY) as emu:
            status, body = signed_get(emu, "Action=DescribeAvailabilityZones&Version=2016-11-15")
            self.assertEqual(status, 200, body)
            self.assertIn("<zoneName>eu-west-1a</zoneName>", body)
            status, body = signed_get(emu, "Action=FlyToTheMoon&Version=2016-11-15")
            self.assertEqual(status, 400)
            self.assertIn("<Code>InvalidAction</Code>", body)
            self.assertIn("<RequestID>", body)


class KeysAndAuth(unittest.TestCase):
    def test_import_ed25519_and_auth_errors(self):
        with harness.Emulator(BINARY) as emu:
            ec2 = emu.client(region="ap-southeast-2")
            public = b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBNUcoLHsR6upp+TthbBKZgQq93cOGdgTNZhidNwPDSw test"
            key = ec2.import_key_pair(KeyName="laptop", PublicKeyMaterial=public)
            self.assertEqual(key["KeyFingerprint"], "dQ+9DMv8YJ4wEk7ED7+SwokVyrdjQmdv7aJ4oFil9SA=")
            self.assertEqual(error_of(ec2.import_key_pair, KeyName="laptop", PublicKeyMaterial=public),
                             ("InvalidKeyPair.Duplicate", 400))
            bad = emu.client(secret="wrong")
            self.assertEqual(error_of(bad.describe_instances), ("SignatureDoesNotMatch", 403))
            unknown = emu.client(key="AKIAUNKNOWNKEY000000")
            self.assertEqual(error_of(unknown.describe_instances), ("AuthFailure", 401))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
