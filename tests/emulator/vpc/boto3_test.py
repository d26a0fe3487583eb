"""The emulator's VPC, peering, security group and tag actions driven by boto3 (Debian's
python3-boto3): waiters, paginators, cross-region and cross-account peering, error codes.

Usage: /usr/bin/python3 boto3_test.py PATH/TO/ec2-emulator
"""
import json
import os
import sys
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_env import Emulator  # noqa: E402

import botocore.exceptions  # noqa: E402

EMULATOR = None
FAST_WAIT = {"Delay": 1, "MaxAttempts": 30}


class Boto3Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = Emulator(EMULATOR).__enter__()
        cls.ec2 = cls.emu.client("us-east-1")
        cls.west = cls.emu.client("eu-west-1")

    @classmethod
    def tearDownClass(cls):
        cls.emu.__exit__(None, None, None)

    def assertCode(self, code, call, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as ctx:
            call(**kwargs)
        self.assertEqual(ctx.exception.response["Error"]["Code"], code)
        return ctx.exception.response["Error"]["Message"]

    def vpc(self, cidr, client=None):
        return (client or self.ec2).create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]

    def test_cidr_association_lifecycle(self):
        vpc_id = self.vpc("10.70.0.0/16")
        assoc = self.ec2.associate_vpc_cidr_block(VpcId=vpc_id, CidrBlock="100.64.0.0/16")["CidrBlockAssociation"]
        self.ec2.get_waiter("vpc_available").wait(
            VpcIds=[vpc_id], Filters=[{"Name": "cidr-block-association.state", "Values": ["associated"]},
                                      {"Name": "cidr-block-association.cidr-block", "Values": ["100.64.0.0/16"]}],
            WaiterConfig=FAST_WAIT)
        state = self.ec2.disassociate_vpc_cidr_block(AssociationId=assoc["AssociationId"])
        self.assertEqual(state["CidrBlockAssociation"]["CidrBlockState"]["State"], "disassociating")
        vpcs = self.ec2.describe_vpcs(Filters=[{"Name": "cidr-block-association.association-id",
                                                "Values": [assoc["AssociationId"]]}])["Vpcs"]
        self.assertEqual([v["VpcId"] for v in vpcs], [vpc_id])
        message = self.assertCode("InvalidVpc.Range", self.ec2.associate_vpc_cidr_block, VpcId=vpc_id,
                                  CidrBlock="172.16.0.0/16")
        self.assertIn("172.16.0.0/16", message)
        ipv6 = self.ec2.associate_vpc_cidr_block(VpcId=vpc_id, AmazonProvidedIpv6CidrBlock=True)
        self.assertTrue(ipv6["Ipv6CidrBlockAssociation"]["Ipv6CidrBlock"].endswith("::/56"))
        self.assertCode("CidrLimitExceeded", self.ec2.associate_vpc_cidr_block, VpcId=vpc_id,
                        AmazonProvidedIpv6CidrBlock=True)

    def test_peering_lifecycle_and_pagination(self):
        hub = self.vpc("10.80.0.0/16")
        ids = []
        for third in range(81, 88):
            spoke = self.vpc("10.%d.0.0/16" % third)
            ids.append(self.ec2.create_vpc_peering_connection(
                VpcId=hub, PeerVpcId=spoke, TagSpecifications=[
                    {"ResourceType": "vpc-peering-connection", "Tags": [{"Key": "hub", "Value": "yes"}]}]
            )["VpcPeeringConnection"]["VpcPeeringConnectionId"])
        # botocore's exists waiter succeeds once the ids exist (it ignores Filters): poll the state.
        for pcx_id in ids:
            self.wait_status(self.ec2, pcx_id, "pending-acceptance")
        paginator = self.ec2.get_paginator("describe_vpc_peering_connections")
        pages = list(paginator.paginate(Filters=[{"Name": "tag:hub", "Values": ["yes"]}],
                                        PaginationConfig={"PageSize": 5}))
        self.assertEqual(len(pages), 2)
        self.assertEqual(sorted(c["VpcPeeringConnectionId"] for p in pages for c in p["VpcPeeringConnections"]),
                         sorted(ids))
        self.ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=ids[0])
        self.ec2.reject_vpc_peering_connection(VpcPeeringConnectionId=ids[1])
        self.ec2.get_waiter("vpc_peering_connection_exists").wait(VpcPeeringConnectionIds=[ids[0]],
                                                                  WaiterConfig=FAST_WAIT)
        self.wait_status(self.ec2, ids[0], "active")
        self.assertCode("InvalidStateTransition", self.ec2.accept_vpc_peering_connection,
                        VpcPeeringConnectionId=ids[1])
        self.ec2.delete_vpc_peering_connection(VpcPeeringConnectionId=ids[0])
        self.ec2.get_waiter("vpc_peering_connection_deleted").wait(VpcPeeringConnectionIds=[ids[0]],
                                                                   WaiterConfig=FAST_WAIT)
        rejected = self.ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[ids[1]])
        self.assertEqual(rejected["VpcPeeringConnections"][0]["Status"]["Code"], "rejected")
        self.assertCode("InvalidVpcPeeringConnectionID.NotFound", self.ec2.describe_vpc_peering_connections,
                        VpcPeeringConnectionIds=["pcx-0123456789abcdef0"])
        self.assertCode("InvalidVpcPeeringConnectionId.Malformed", self.ec2.describe_vpc_peering_connections,
                        VpcPeeringConnectionIds=["pcx-nope"])

    def test_cross_region_and_cross_account(self):
        here = self.vpc("10.90.0.0/16")
        there = self.vpc("10.91.0.0/16", self.west)
        pcx = self.ec2.create_vpc_peering_connection(VpcId=here, PeerVpcId=there, PeerRegion="eu-west-1")
        pcx_id = pcx["VpcPeeringConnection"]["VpcPeeringConnectionId"]
        # botocore's VpcPeeringConnectionExists waiter succeeds on any 200 answer, even an empty
        # filtered list, so poll for the status the accept needs.
        self.wait_status(self.west, pcx_id, "pending-acceptance")
        seen = self.west.describe_vpc_peering_connections(
            Filters=[{"Name": "accepter-vpc-info.vpc-id", "Values": [there]}])["VpcPeeringConnections"]
        self.assertEqual([c["VpcPeeringConnectionId"] for c in seen], [pcx_id])
        self.assertEqual(seen[0]["AccepterVpcInfo"]["Region"], "eu-west-1")
        self.assertIn("ExpirationTime", seen[0])
        self.west.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx_id)

        foreign = self.ec2.create_vpc_peering_connection(VpcId=here, PeerVpcId="vpc-0a1b2c3d4e5f60718",
                                                         PeerOwnerId="111122223333")
        foreign_id = foreign["VpcPeeringConnection"]["VpcPeeringConnectionId"]
        self.ec2.get_waiter("vpc_peering_connection_exists").wait(VpcPeeringConnectionIds=[foreign_id],
                                                                  WaiterConfig=FAST_WAIT)
        self.wait_status(self.ec2, foreign_id, "pending-acceptance")
        found = self.ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[foreign_id])
        self.assertEqual(found["VpcPeeringConnections"][0]["AccepterVpcInfo"]["OwnerId"], "111122223333")
        self.assertCode("OperationNotPermitted", self.ec2.accept_vpc_peering_connection,
                        VpcPeeringConnectionId=foreign_id)

        missing = self.ec2.create_vpc_peering_connection(VpcId=here, PeerVpcId="vpc-0123456789abcdef0")
        missing_id = missing["VpcPeeringConnection"]["VpcPeeringConnectionId"]
        self.ec2.get_waiter("vpc_peering_connection_exists").wait(VpcPeeringConnectionIds=[missing_id],
                                                                  WaiterConfig=FAST_WAIT)
        self.wait_status(self.ec2, missing_id, "failed")

    def wait_status(self, client, pcx_id, code):
        for _ in range(FAST_WAIT["MaxAttempts"] * 20):
            found = client.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx_id])
            if found["VpcPeeringConnections"][0]["Status"]["Code"] == code:
                return
            time.sleep(FAST_WAIT["Delay"] / 20)
        self.fail(f"{pcx_id} never reached {code}")

    def set_timings(self, **timings):
        request = urllib.request.Request(self.emu.endpoint + "/_emulator/timings", method="POST",
                                         data=json.dumps(timings).encode())
        with urllib.request.urlopen(request) as reply:
            return json.load(reply)

    def test_pending_request_expires(self):
        week = self.set_timings()["peering_pending_expiry_ms"]
        self.addCleanup(self.set_timings, peering_pending_expiry_ms=week)
        self.assertEqual(self.set_timings(peering_pending_expiry_ms=500)["peering_pending_expiry_ms"], 500)
        a = self.vpc("10.100.0.0/16")
        b = self.vpc("10.101.0.0/16")
        pcx_id = self.ec2.create_vpc_peering_connection(VpcId=a, PeerVpcId=b)["VpcPeeringConnection"][
            "VpcPeeringConnectionId"]
        self.ec2.get_waiter("vpc_peering_connection_exists").wait(VpcPeeringConnectionIds=[pcx_id],
                                                                  WaiterConfig=FAST_WAIT)
        self.wait_status(self.ec2, pcx_id, "expired")
        self.assertCode("InvalidStateTransition", self.ec2.accept_vpc_peering_connection,
                        VpcPeeringConnectionId=pcx_id)

    def test_tags_paginate_and_groups(self):
        group_id = self.ec2.create_security_group(GroupName="boto-db", Description="db")["GroupId"]
        self.ec2.create_tags(Resources=[group_id], Tags=[{"Key": "k%02d" % i, "Value": str(i)} for i in range(12)])
        paginator = self.ec2.get_paginator("describe_tags")
        keys = [t["Key"] for page in paginator.paginate(
            Filters=[{"Name": "resource-id", "Values": [group_id]}], PaginationConfig={"PageSize": 5})
            for t in page["Tags"]]
        self.assertEqual(keys, ["k%02d" % i for i in range(12)])
        self.ec2.authorize_security_group_ingress(
            GroupId=group_id, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                                              "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/64"}]}])
        group = self.ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]
        self.assertEqual(group["IpPermissions"][0]["Ipv6Ranges"], [{"CidrIpv6": "2001:db8::/64"}])
        self.assertEqual(group["IpPermissionsEgress"][0]["IpProtocol"], "-1")
        self.assertCode("InvalidGroup.NotFound", self.ec2.delete_security_group, GroupId="sg-0123456789abcdef0")
        self.ec2.delete_security_group(GroupId=group_id)


if __name__ == "__main__":
    EMULATOR = sys.argv.pop(1)
    unittest.main(verbosity=2)
