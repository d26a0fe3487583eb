"""STS, temporary credentials and accounts, driven by the Debian AWS CLI and boto3.

Usage: /usr/bin/python3 sts_test.py PATH/TO/ec2-emulator
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import harness  # noqa: E402

import botocore.exceptions  # noqa: E402

BINARY = None
ACCOUNTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs", "emulator-accounts.yaml")
ALICE = ("AKIAALICE00000000001", "alice/secret/key/0000000000000000000001")
DEPLOY = "arn:aws:iam::222222222222:role/deploy"


def error_of(call, *args, **kwargs):
    """Runs call; returns (code, HTTP status) of the ClientError it must raise."""
    try:
        call(*args, **kwargs)
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("no error raised")


def tampered(token):
    """`token` with the first character of its signature changed. (Not the last one: its low bits
    are base64 padding, which a decoder may ignore, so changing it can leave the signature as it was.)"""
    head, signature = token.rsplit(".", 1)
    return head + "." + ("A" if signature[0] != "A" else "B") + signature[1:]


def cli(emu, service, *args, key=ALICE[0], secret=ALICE[1], token=None, region="us-east-1"):
    """Runs /usr/bin/aws SERVICE ARGS against the emulator; returns (exit code, JSON or None, stderr)."""
    env = emu.env(region, key, secret)
    if token:
        env["AWS_SESSION_TOKEN"] = token
    proc = subprocess.run(["/usr/bin/aws", "--endpoint-url", emu.endpoint, "--output", "json", service] + list(args),
                          env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, (json.loads(proc.stdout) if proc.stdout.strip() else None), proc.stderr


def client(emu, service, key=ALICE[0], secret=ALICE[1], token=None, region="us-east-1"):
    import boto3
    os.environ.update(emu.env(region, key, secret))
    session = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token,
                                    region_name=region)
    return session.client(service, endpoint_url=emu.endpoint)


class AwsCli(unittest.TestCase):
    def test_caller_identity_assume_role_and_session_credentials_on_ec2(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS) as emu:
            code, who, err = cli(emu, "sts", "get-caller-identity")
            self.assertEqual(code, 0, err)
            self.assertEqual(who["Arn"], "arn:aws:iam::111111111111:user/alice")
            code, _, err = cli(emu, "sts", "assume-role", "--role-arn", DEPLOY, "--role-session-name", "cli")
            self.assertNotEqual(code, 0)
            self.assertIn("AccessDenied", err)
            code, assumed, err = cli(emu, "sts", "assume-role", "--role-arn", DEPLOY, "--role-session-name", "cli",
                                     "--external-id", "prod-deploy-2026")
            self.assertEqual(code, 0, err)
            creds = assumed["Credentials"]
            self.assertTrue(creds["AccessKeyId"].startswith("ASIA"))
            keys = dict(key=creds["AccessKeyId"], secret=creds["SecretAccessKey"], token=creds["SessionToken"])
            code, who, err = cli(emu, "sts", "get-caller-identity", **keys)
            self.assertEqual(who["Arn"], "arn:aws:sts::222222222222:assumed-role/deploy/cli")
            code, vpcs, err = cli(emu, "ec2", "describe-vpcs", **keys)
            self.assertEqual(code, 0, err)
            self.assertEqual({v["OwnerId"] for v in vpcs["Vpcs"]}, {"222222222222"})
            code, _, err = cli(emu, "ec2", "describe-vpcs", key=keys["key"], secret=keys["secret"])
            self.assertNotEqual(code, 0)
            self.assertIn("AuthFailure", err)

    def test_default_mode_identity_is_the_builtin_user(self):
        with harness.Emulator(BINARY) as emu:
            code, who, err = cli(emu, "sts", "get-caller-identity", key=harness.ACCESS_KEY, secret=harness.SECRET_KEY)
            self.assertEqual(code, 0, err)
            self.assertEqual(who["Account"], "123456789012")
            self.assertEqual(who["Arn"], "arn:aws:iam::123456789012:user/emulator")


class Boto3(unittest.TestCase):
    def test_expired_credentials_are_refused_by_ec2_and_sts(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS) as emu:
            creds = client(emu, "sts").assume_role(RoleArn=DEPLOY, RoleSessionName="b3", ExternalId="prod-deploy-2026",
                                                   DurationSeconds=900)["Credentials"]
            keys = dict(key=creds["AccessKeyId"], secret=creds["SecretAccessKey"], token=creds["SessionToken"])
            ec2 = client(emu, "ec2", **keys)
            self.assertEqual(ec2.describe_vpcs()["Vpcs"][0]["OwnerId"], "222222222222")
            emu.control("advance?seconds=901")
            self.assertEqual(error_of(ec2.describe_vpcs), ("RequestExpired", 400))
            self.assertEqual(error_of(client(emu, "sts", **keys).get_caller_identity), ("ExpiredToken", 403))

    def test_mfa_session_then_role_requiring_mfa(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS) as emu:
            sts = client(emu, "sts")
            admin = "arn:aws:iam::111111111111:role/admin"
            self.assertEqual(error_of(sts.assume_role, RoleArn=admin, RoleSessionName="ops"), ("AccessDenied", 403))
            serial = "arn:aws:iam::111111111111:mfa/alice"
            code = emu.control("totp?serial=" + serial, method="GET")["code"]
            session = sts.get_session_token(SerialNumber=serial, TokenCode=code, DurationSeconds=900)["Credentials"]
            mfa = client(emu, "sts", key=session["AccessKeyId"], secret=session["SecretAccessKey"],
                         token=session["SessionToken"])
            role = mfa.assume_role(RoleArn=admin, RoleSessionName="ops", DurationSeconds=7200)
            self.assertEqual(role["AssumedRoleUser"]["Arn"], "arn:aws:sts::111111111111:assumed-role/admin/ops")

    def test_web_identity_with_a_minted_token(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS) as emu:
            token = emu.control("oidc/token", body={"sub": "repo:org/app", "ttl_seconds": 600})["token"]
            sts = client(emu, "sts")
            answer = sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::111111111111:role/ci",
                                                       RoleSessionName="gha", WebIdentityToken=token)
            self.assertEqual(answer["SubjectFromWebIdentityToken"], "repo:org/app")
            self.assertEqual(answer["AssumedRoleUser"]["Arn"], "arn:aws:sts::111111111111:assumed-role/ci/gha")
            self.assertEqual(error_of(sts.assume_role_with_web_identity, RoleArn="arn:aws:iam::111111111111:role/ci",
                                      RoleSessionName="gha", WebIdentityToken=tampered(token)),
                             ("InvalidIdentityToken", 400))

    def test_sso_portal_and_oidc_refresh(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS) as emu:
            login = emu.control("sso/login", body={"user": "carol"})
            sso = client(emu, "sso")
            accounts = sso.list_accounts(accessToken=login["accessToken"])["accountList"]
            self.assertEqual([a["accountId"] for a in accounts], ["111111111111", "222222222222"])
            roles = sso.list_account_roles(accessToken=login["accessToken"], accountId="222222222222")["roleList"]
            self.assertEqual([r["roleName"] for r in roles], ["ReadOnly"])
            creds = sso.get_role_credentials(accessToken=login["accessToken"], accountId="222222222222",
                                             roleName="ReadOnly")["roleCredentials"]
            ec2 = client(emu, "ec2", key=creds["accessKeyId"], secret=creds["secretAccessKey"],
                         token=creds["sessionToken"])
            self.assertEqual(ec2.describe_vpcs()["Vpcs"][0]["OwnerId"], "222222222222")
            self.assertEqual(error_of(ec2.create_key_pair, KeyName="k"), ("UnauthorizedOperation", 403))
            self.assertEqual(error_of(sso.list_accounts, accessToken="nope"), ("UnauthorizedException", 401))
            oidc = client(emu, "sso-oidc")
            fresh = oidc.create_token(clientId=login["clientId"], clientSecret=login["clientSecret"],
                                      grantType="refresh_token", refreshToken=login["refreshToken"])
            self.assertEqual(fresh["expiresIn"], 3600)
            self.assertEqual(len(sso.list_accounts(accessToken=fresh["accessToken"])["accountList"]), 2)
            self.assertEqual(error_of(oidc.create_token, clientId=login["clientId"], clientSecret=login["clientSecret"],
                                      grantType="refresh_token", refreshToken=login["refreshToken"]),
                             ("InvalidGrantException", 400))

    def test_organizations_lists_the_accounts_to_the_management_account(self):
        with harness.Emulator(BINARY, "--accounts", ACCOUNTS) as emu:
            org = client(emu, "organizations")
            pages = list(org.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 1}))
            self.assertEqual(len(pages), 2)
            accounts = [a for p in pages for a in p["Accounts"]]
            self.assertEqual([(a["Id"], a["Name"]) for a in accounts], [("111111111111", "dev"), ("222222222222", "prod")])
            self.assertEqual(org.describe_organization()["Organization"]["MasterAccountId"], "111111111111")
            creds = client(emu, "sts").assume_role(RoleArn=DEPLOY, RoleSessionName="b3",
                                                   ExternalId="prod-deploy-2026")["Credentials"]
            member = client(emu, "organizations", key=creds["AccessKeyId"], secret=creds["SecretAccessKey"],
                            token=creds["SessionToken"])
            self.assertEqual(error_of(member.list_accounts), ("AccessDeniedException", 400))
            unknown = client(emu, "organizations", key="AKIAUNKNOWN000000000", secret="x")
            self.assertEqual(error_of(unknown.list_accounts), ("UnrecognizedClientException", 403))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
