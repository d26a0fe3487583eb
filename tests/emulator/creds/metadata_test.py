"""Instance metadata and container credentials, read by botocore's own fetchers and used with boto3.

Usage: /usr/bin/python3 metadata_test.py PATH/TO/ec2-emulator

The process keeps AWS_EC2_METADATA_DISABLED=true; only the fetchers built here, pointed at the
emulator's loopback listeners, are given an environment without it.
"""
import json
import os
import sys
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import harness  # noqa: E402

import botocore.credentials  # noqa: E402
import botocore.utils  # noqa: E402

BINARY = None
ACCOUNTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs", "emulator-accounts.yaml")
ALICE = ("AKIAALICE00000000001", "alice/secret/key/0000000000000000000001")


def boto3_client(emu, service, key, secret, token=None, region="eu-west-1"):
    import boto3
    os.environ.update(emu.env(region, key, secret))
    session = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token,
                                    region_name=region)
    return session.client(service, endpoint_url=emu.endpoint)


def status_of(request):
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


class Metadata(unittest.TestCase):
    def launch(self, emu):
        ec2 = boto3_client(emu, "ec2", *ALICE)
        ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        run = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, IamInstanceProfile={"Name": "web-profile"})
        instance = run["Instances"][0]
        self.assertEqual(instance["IamInstanceProfile"]["Arn"],
                         "arn:aws:iam::111111111111:instance-profile/web-profile")
        emu.control("complete")
        return instance["InstanceId"]

    def test_botocore_reads_instance_role_credentials_over_imdsv2(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS, "--imds-port", "0", "--transition-scale", "0") as emu:
            instance = self.launch(emu)
            port = emu.control("imds", body={"instance_id": instance})["port"]
            base = "http://127.0.0.1:%d/" % port
            fetcher = botocore.utils.InstanceMetadataFetcher(base_url=base, timeout=5, num_attempts=1,
                                                             env={"AWS_EC2_METADATA_DISABLED": "false"})
            creds = fetcher.retrieve_iam_role_credentials()
            self.assertEqual(creds["role_name"], "web")
            self.assertTrue(creds["access_key"].startswith("ASIA"))
            region = botocore.utils.InstanceMetadataRegionFetcher(
                base_url=base, timeout=5, env={"AWS_EC2_METADATA_DISABLED": "false"}).retrieve_region()
            self.assertEqual(region, "eu-west-1")
            sts = boto3_client(emu, "sts", creds["access_key"], creds["secret_key"], creds["token"])
            self.assertEqual(sts.get_caller_identity()["Arn"],
                             "arn:aws:sts::111111111111:assumed-role/web/" + instance)
            # IMDSv1 is off: a plain GET is refused; a token PUT through a proxy (X-Forwarded-For) too.
            self.assertEqual(status_of(base + "latest/meta-data/instance-id"), 401)
            forwarded = urllib.request.Request(base + "latest/api/token", data=b"", method="PUT", headers={
                "X-aws-ec2-metadata-token-ttl-seconds": "60", "X-Forwarded-For": "10.1.1.1"})
            self.assertEqual(status_of(forwarded), 403)
            emu.control("imds", body={"http_tokens": "optional"})
            with urllib.request.urlopen(base + "latest/meta-data/instance-id", timeout=10) as response:
                self.assertEqual(response.read().decode(), instance)

    def test_botocore_container_provider_needs_the_token(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS, "--container-port", "0", "--container-role",
                              "arn:aws:iam::222222222222:role/deploy", "--container-token", "tok-123") as emu:
            port = emu.control("container", method="GET")["port"]
            uri = "http://127.0.0.1:%d/v1/credentials" % port
            provider = botocore.credentials.ContainerProvider(environ={
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "tok-123"})
            creds = provider.load().get_frozen_credentials()
            ec2 = boto3_client(emu, "ec2", creds.access_key, creds.secret_key, creds.token)
            self.assertEqual(ec2.describe_vpcs()["Vpcs"][0]["OwnerId"], "222222222222")
            wrong = botocore.credentials.ContainerProvider(environ={
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "tok-999"})
            with self.assertRaises(Exception):
                wrong.load()
            self.assertEqual(status_of(uri), 401)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    unittest.main(verbosity=2)
