"""The emulator's VPC, subnet, security group, peering and tag actions driven by /usr/bin/aws.

Usage: /usr/bin/python3 cli_test.py PATH/TO/ec2-emulator
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_env import Emulator  # noqa: E402

EMULATOR = None


class CliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = Emulator(EMULATOR).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.emu.__exit__(None, None, None)

    def aws(self, *args, region="us-east-1"):
        """Runs `aws ec2 ARGS`; returns (exit code, parsed JSON or None, stderr)."""
        cmd = ["/usr/bin/aws", "--endpoint-url", self.emu.endpoint, "--region", region, "--output", "json",
               "ec2"] + list(args)
        proc = subprocess.run(cmd, env=self.emu.env, capture_output=True, text=True, timeout=120)
        out = json.loads(proc.stdout) if proc.stdout.strip() else None
        return proc.returncode, out, proc.stderr

    def ok(self, *args, **kw):
        code, out, err = self.aws(*args, **kw)
        self.assertEqual(code, 0, err)
        return out

    def fails_with(self, error_code, *args, **kw):
        code, _, err = self.aws(*args, **kw)
        self.assertNotEqual(code, 0)
        self.assertIn("(%s)" % error_code, err)

    def test_vpc_cidrs(self):
        vpc = self.ok("create-vpc", "--cidr-block", "10.40.0.0/16", "--tag-specifications",
                      "ResourceType=vpc,Tags=[{Key=Name,Value=cli-net}]")["Vpc"]
        vpc_id = vpc["VpcId"]
        self.ok("wait", "vpc-available", "--vpc-ids", vpc_id)
        self.fails_with("DryRunOperation", "create-vpc", "--cidr-block", "10.41.0.0/16", "--dry-run")
        self.fails_with("InvalidVpc.Range", "create-vpc", "--cidr-block", "10.0.0.0/12")
        assoc = self.ok("associate-vpc-cidr-block", "--vpc-id", vpc_id, "--cidr-block", "10.42.0.0/16")
        self.assertEqual(assoc["CidrBlockAssociation"]["CidrBlockState"]["State"], "associating")
        self.fails_with("InvalidVpc.Range", "associate-vpc-cidr-block", "--vpc-id", vpc_id,
                        "--cidr-block", "192.168.0.0/16")
        self.fails_with("InvalidVpc.Range", "associate-vpc-cidr-block", "--vpc-id", vpc_id,
                        "--cidr-block", "10.42.0.0/20")
        for third in (43, 44, 45):
            self.ok("associate-vpc-cidr-block", "--vpc-id", vpc_id, "--cidr-block", "10.%d.0.0/16" % third)
        self.fails_with("CidrLimitExceeded", "associate-vpc-cidr-block", "--vpc-id", vpc_id,
                        "--cidr-block", "10.46.0.0/16")
        self.ok("associate-vpc-cidr-block", "--vpc-id", vpc_id, "--amazon-provided-ipv6-cidr-block")
        found = self.ok("describe-vpcs", "--filters", "Name=tag:Name,Values=cli-*",
                        "Name=cidr-block-association.cidr-block,Values=10.44.0.0/16")["Vpcs"]
        self.assertEqual([v["VpcId"] for v in found], [vpc_id])
        primary = found[0]["CidrBlockAssociationSet"][0]["AssociationId"]
        self.fails_with("OperationNotPermitted", "disassociate-vpc-cidr-block", "--association-id", primary)
        self.fails_with("InvalidParameterValue", "describe-vpcs", "--filters", "Name=flavour,Values=x")
        self.fails_with("InvalidVpcID.NotFound", "describe-vpcs", "--vpc-ids", "vpc-0123456789abcdef0")
        self.fails_with("InvalidVpcID.Malformed", "delete-vpc", "--vpc-id", "vpc-zz")

    def test_paginated_describe(self):
        for third in range(50, 57):
            self.ok("create-vpc", "--cidr-block", "10.%d.0.0/16" % third, "--region", "ca-central-1")
        all_vpcs = self.ok("describe-vpcs", "--page-size", "5", region="ca-central-1")["Vpcs"]
        ids = [v["VpcId"] for v in all_vpcs]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertGreaterEqual(len(ids), 8)  # seven new ones and the default VPC

    def test_subnets_and_groups(self):
        subnets = self.ok("describe-subnets", "--filters", "Name=default-for-az,Values=true")["Subnets"]
        self.assertEqual(sorted(s["AvailabilityZone"] for s in subnets), ["us-east-1a", "us-east-1b", "us-east-1c"])
        group = self.ok("create-security-group", "--group-name", "cli-web", "--description", "web servers")
        group_id = group["GroupId"]
        self.fails_with("InvalidGroup.Duplicate", "create-security-group", "--group-name", "cli-web",
                        "--description", "again")
        perms = json.dumps([{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80,
                             "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "http"}]}])
        rules = self.ok("authorize-security-group-ingress", "--group-id", group_id, "--ip-permissions", perms)
        self.assertTrue(rules["Return"])
        self.assertEqual(rules["SecurityGroupRules"][0]["CidrIpv4"], "0.0.0.0/0")
        self.assertTrue(rules["SecurityGroupRules"][0]["SecurityGroupRuleId"].startswith("sgr-"))
        self.fails_with("InvalidPermission.Duplicate", "authorize-security-group-ingress", "--group-id", group_id,
                        "--ip-permissions", perms)
        self.ok("authorize-security-group-ingress", "--group-id", group_id, "--protocol", "tcp", "--port", "22",
                "--cidr", "10.0.0.0/8")
        described = self.ok("describe-security-groups", "--filters", "Name=ip-permission.from-port,Values=22")
        self.assertEqual([g["GroupId"] for g in described["SecurityGroups"]], [group_id])
        self.ok("revoke-security-group-ingress", "--group-id", group_id, "--ip-permissions", perms)
        self.fails_with("CannotDelete", "delete-security-group", "--group-name", "default")
        self.ok("delete-security-group", "--group-id", group_id)
        self.fails_with("InvalidGroup.NotFound", "delete-security-group", "--group-id", group_id)

    def test_peering_and_tags(self):
        a = self.ok("create-vpc", "--cidr-block", "10.60.0.0/16")["Vpc"]["VpcId"]
        b = self.ok("create-vpc", "--cidr-block", "10.61.0.0/16", region="us-west-2")["Vpc"]["VpcId"]
        pcx = self.ok("create-vpc-peering-connection", "--vpc-id", a, "--peer-vpc-id", b, "--peer-region",
                      "us-west-2")["VpcPeeringConnection"]
        pcx_id = pcx["VpcPeeringConnectionId"]
        self.assertEqual(pcx["Status"]["Code"], "initiating-request")
        self.ok("wait", "vpc-peering-connection-exists", "--vpc-peering-connection-ids", pcx_id,
                "--filters", "Name=status-code,Values=pending-acceptance", region="us-west-2")
        self.fails_with("OperationNotPermitted", "accept-vpc-peering-connection", "--vpc-peering-connection-id", pcx_id)
        self.ok("accept-vpc-peering-connection", "--vpc-peering-connection-id", pcx_id, region="us-west-2")
        self.ok("wait", "vpc-peering-connection-exists", "--vpc-peering-connection-ids", pcx_id,
                "--filters", "Name=status-code,Values=active")
        conn = self.ok("describe-vpc-peering-connections", "--vpc-peering-connection-ids", pcx_id,
                       region="us-west-2")["VpcPeeringConnections"][0]
        self.assertEqual(conn["AccepterVpcInfo"]["CidrBlockSet"], [{"CidrBlock": "10.61.0.0/16"}])
        self.assertEqual(conn["RequesterVpcInfo"]["Region"], "us-east-1")

        self.ok("create-tags", "--resources", a, pcx_id, "--tags", "Key=team,Value=net", "Key=cost,Value=7")
        tags = self.ok("describe-tags", "--filters", "Name=key,Values=team")["Tags"]
        self.assertEqual(sorted(t["ResourceId"] for t in tags), sorted([a, pcx_id]))
        self.ok("delete-tags", "--resources", a, "--tags", "Key=team,Value=other")
        self.ok("delete-tags", "--resources", a, "--tags", "Key=cost")
        left = self.ok("describe-tags", "--filters", "Name=resource-id,Values=%s" % a)["Tags"]
        self.assertEqual([(t["Key"], t["Value"]) for t in left], [("team", "net")])
        self.fails_with("InvalidVpcID.NotFound", "create-tags", "--resources", "vpc-0123456789abcdef0",
                        "--tags", "Key=a,Value=b")
        self.fails_with("InvalidID", "create-tags", "--resources", "nonsense", "--tags", "Key=a,Value=b")

        self.ok("delete-vpc-peering-connection", "--vpc-peering-connection-id", pcx_id)
        self.ok("wait", "vpc-peering-connection-deleted", "--vpc-peering-connection-ids", pcx_id)
        self.fails_with("InvalidVpcPeeringConnectionID.NotFound", "delete-vpc-peering-connection",
                        "--vpc-peering-connection-id", "pcx-0123456789abcdef0")


if __name__ == "__main__":
    EMULATOR = sys.argv.pop(1)
    unittest.main(verbosity=2)
