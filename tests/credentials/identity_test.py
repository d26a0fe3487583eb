"""libec2 and the AWS CLI agree on who signs, for every kind of profile, against one emulator.

For each profile kind (static keys, assume role through source_profile, role chaining,
credential_source Environment, Ec2InstanceMetadata and EcsContainer, external_id, MFA, web
identity from a profile and from the environment, credential_process alone and as a
source_profile, sso-session, legacy SSO, container credentials, instance metadata) Debian's
`/usr/bin/aws sts get-caller-identity` and libec2 (tests/credentials/caller_identity.cc) must name
the same ARN and account. The two share the AWS CLI's credential cache both ways, proven by the
emulator's count of STS calls.

`ec2` (create, -i, -s, -r) and `ec2-inventory --list` run under an assumed role, an SSO profile
and on "an instance" (instance metadata), each in the account those credentials belong to.

Usage: /usr/bin/python3 identity_test.py EMULATOR CALLER_IDENTITY EC2 EC2_INVENTORY
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "emulator"))
import harness  # noqa: E402

EMULATOR = CALLER_IDENTITY = EC2 = EC2_INVENTORY = None
ALICE = ("AKIAALICE00000000001", "alice/secret/key/0000000000000000000001")
DEV, PROD = "111111111111", "222222222222"
MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice"
CONTAINER_TOKEN = "container-token-1"

CONFIG = """
[profile alice]
region = us-east-1

[profile deploy]
role_arn = arn:aws:iam::222222222222:role/deploy
source_profile = alice
external_id = prod-deploy-2026
role_session_name = parity-deploy

[profile deploy-ours-first]
role_arn = arn:aws:iam::222222222222:role/deploy
source_profile = alice
external_id = prod-deploy-2026
role_session_name = ours-first

[profile deploy-default-session]
role_arn = arn:aws:iam::222222222222:role/deploy
source_profile = alice
external_id = prod-deploy-2026

[profile hop]
role_arn = arn:aws:iam::111111111111:role/hop
source_profile = alice
role_session_name = hop-session

[profile chained]
role_arn = arn:aws:iam::222222222222:role/chained
source_profile = hop
role_session_name = chained-session

[profile from-env]
role_arn = arn:aws:iam::111111111111:role/hop
credential_source = Environment
role_session_name = env-session

[profile admin-mfa]
role_arn = arn:aws:iam::111111111111:role/admin
source_profile = alice
mfa_serial = {mfa}
role_session_name = mfa-session

[profile web]
role_arn = arn:aws:iam::111111111111:role/ci
web_identity_token_file = {token}
role_session_name = web-session

[profile from-process]
credential_process = {process} --key-id AKIAALICE00000000001

[profile deploy-via-process]
role_arn = arn:aws:iam::222222222222:role/deploy
source_profile = from-process
external_id = prod-deploy-2026
role_session_name = via-process

[profile from-instance]
role_arn = arn:aws:iam::222222222222:role/from-instance
credential_source = Ec2InstanceMetadata
role_session_name = instance-session

[profile from-container]
role_arn = arn:aws:iam::111111111111:role/from-container
credential_source = EcsContainer
role_session_name = container-session

[profile sso-new]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile sso-legacy]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 222222222222
sso_role_name = ReadOnly
"""

CREDENTIALS = """
[alice]
aws_access_key_id = {key}
aws_secret_access_key = {secret}
"""


class Identity(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = harness.Emulator(EMULATOR, "--accounts", os.path.join(HERE, "accounts.yaml"),
                                   "--imds-port", "0", "--container-port", "0",
                                   "--container-role", "arn:aws:iam::222222222222:role/task",
                                   "--container-token", CONTAINER_TOKEN, "--transition-scale", "0",
                                   "--seed-instances", "6", "--seed-regions", "us-east-1,eu-west-1")
        cls.emu.__enter__()
        cls.home = cls.emu.tmp.name
        aws_dir = os.path.join(cls.home, ".aws")
        os.makedirs(aws_dir, exist_ok=True)
        cls.token_file = os.path.join(cls.home, "web-identity-token")
        minted = cls.emu.control("oidc/token", body={"issuer": "https://token.example", "sub": "repo:corp/app",
                                                     "aud": "sts.amazonaws.com", "ttl_seconds": 3600})
        with open(cls.token_file, "w") as f:
            f.write(minted["token"])
        with open(os.path.join(aws_dir, "config"), "w") as f:
            f.write(CONFIG.format(mfa=MFA_SERIAL, token=cls.token_file, process=cls.write_credential_process()))
        with open(os.path.join(aws_dir, "credentials"), "w") as f:
            f.write(CREDENTIALS.format(key=ALICE[0], secret=ALICE[1]))
        sso_cache = os.path.join(aws_dir, "sso", "cache")
        cls.emu.control("sso/login", body={"user": "carol", "cache_dir": sso_cache, "session_name": "corp"})
        cls.emu.control("sso/login", body={"user": "carol", "cache_dir": sso_cache})
        cls.instance = cls.launch_with_instance_profile()
        cls.imds_port = cls.emu.control("imds", body={"instance_id": cls.instance})["port"]
        cls.container_port = cls.emu.control("container", method="GET")["port"]

    @classmethod
    def write_credential_process(cls):
        """A credential_process program printing alice's keys for `--key-id` (any other id: exit 1)."""
        path = os.path.join(cls.home, "credential-process")
        with open(path, "w") as f:
            f.write('#!/bin/sh\n[ "$1" = --key-id ] && [ "$2" = %s ] || exit 1\n'
                    "printf '{\"Version\": 1, \"AccessKeyId\": \"%%s\", \"SecretAccessKey\": \"%s\"}' \"$2\"\n"
                    % ALICE)
        os.chmod(path, 0o755)
        return path

    @classmethod
    def tearDownClass(cls):
        cls.emu.__exit__(None, None, None)

    @classmethod
    def launch_with_instance_profile(cls):
        import boto3
        session = boto3.session.Session(aws_access_key_id=ALICE[0], aws_secret_access_key=ALICE[1],
                                        region_name="eu-west-1")
        ec2 = session.client("ec2", endpoint_url=cls.emu.endpoint)
        image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        run = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, IamInstanceProfile={"Name": "web-profile"})
        return run["Instances"][0]["InstanceId"]

    def env(self, **extra):
        aws_dir = os.path.join(self.home, ".aws")
        env = {
            "PATH": "/usr/bin:/bin", "HOME": self.home, "LANG": "C.UTF-8",
            "AWS_CONFIG_FILE": os.path.join(aws_dir, "config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(aws_dir, "credentials"),
            "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "",
            "AWS_MAX_ATTEMPTS": "1",
            # libec2 reads the endpoint of every service from AWS_ENDPOINT_URL; the CLI 2.9 through
            # the test-only hook in pyhook/.
            "AWS_ENDPOINT_URL": self.emu.endpoint, "EC2_TEST_ENDPOINT_URL": self.emu.endpoint,
            "PYTHONPATH": os.path.join(HERE, "pyhook"),
        }
        env.update(extra)
        return env

    def run_tool(self, argv, env, stdin=None):
        result = subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, "%s failed: %s" % (argv[0], result.stderr))
        return json.loads(result.stdout)

    def cli(self, profile, env, stdin=None):
        argv = ["/usr/bin/aws", "sts", "get-caller-identity", "--output", "json"]
        return self.run_tool(argv + (["--profile", profile] if profile else []), env, stdin)

    def ours(self, profile, env):
        return self.run_tool([CALLER_IDENTITY] + ([profile] if profile else []), env)

    def boto3_ec2(self, key, secret, token=None, region="us-east-1"):
        import boto3
        session = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key=secret,
                                        aws_session_token=token, region_name=region)
        return session.client("ec2", endpoint_url=self.emu.endpoint)

    def sts_calls(self, action):
        return self.emu.control("stats", method="GET")["actions"].get("sts:" + action, 0)

    def assert_same_identity(self, profile, provider, arn, **extra):
        """Both name `arn` (a regular expression, matched whole) and the same account and user id."""
        env = self.env(**extra)
        theirs, ours = self.cli(profile, env), self.ours(profile, env)
        self.assertRegex(theirs["Arn"], "^" + arn + "$")
        self.assertEqual(ours["Arn"], theirs["Arn"])
        self.assertEqual(ours["Account"], theirs["Account"])
        self.assertEqual(ours["UserId"], theirs["UserId"])
        self.assertEqual(ours["Provider"], provider)

    def test_static_keys(self):
        self.assert_same_identity("alice", "shared-credentials-file", "arn:aws:iam::%s:user/alice" % DEV)

    def test_assume_role_with_source_profile_and_external_id(self):
        self.assert_same_identity("deploy", "assume-role",
                                  "arn:aws:sts::%s:assumed-role/deploy/parity-deploy" % PROD)

    def test_role_chaining(self):
        self.assert_same_identity("chained", "assume-role",
                                  "arn:aws:sts::%s:assumed-role/chained/chained-session" % PROD)

    def test_credential_source_environment(self):
        self.assert_same_identity("from-env", "assume-role",
                                  "arn:aws:sts::%s:assumed-role/hop/env-session" % DEV,
                                  AWS_ACCESS_KEY_ID=ALICE[0], AWS_SECRET_ACCESS_KEY=ALICE[1])

    def test_web_identity_profile(self):
        self.assert_same_identity("web", "assume-role-with-web-identity",
                                  "arn:aws:sts::%s:assumed-role/ci/web-session" % DEV)

    def test_web_identity_environment(self):
        self.assert_same_identity(None, "assume-role-with-web-identity",
                                  "arn:aws:sts::%s:assumed-role/ci/irsa-session" % DEV,
                                  AWS_ROLE_ARN="arn:aws:iam::%s:role/ci" % DEV,
                                  AWS_WEB_IDENTITY_TOKEN_FILE=self.token_file, AWS_ROLE_SESSION_NAME="irsa-session")

    def test_sso_session(self):
        self.assert_same_identity("sso-new", "sso",
                                  r"arn:aws:sts::%s:assumed-role/AWSReservedSSO_Admin_[0-9a-f]{16}/carol" % DEV)

    def test_legacy_sso(self):
        self.assert_same_identity("sso-legacy", "sso",
                                  r"arn:aws:sts::%s:assumed-role/AWSReservedSSO_ReadOnly_[0-9a-f]{16}/carol" % PROD)

    def test_container_credentials(self):
        self.assert_same_identity(None, "container-role", "arn:aws:sts::%s:assumed-role/task/container" % PROD,
                                  AWS_CONTAINER_CREDENTIALS_FULL_URI="http://127.0.0.1:%d/creds" % self.container_port,
                                  AWS_CONTAINER_AUTHORIZATION_TOKEN=CONTAINER_TOKEN)

    def test_instance_metadata(self):
        self.assert_same_identity(None, "iam-role", "arn:aws:sts::%s:assumed-role/web/%s" % (DEV, self.instance),
                                  AWS_EC2_METADATA_DISABLED="false",
                                  AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % self.imds_port)

    def test_credential_process(self):
        self.assert_same_identity("from-process", "custom-process", "arn:aws:iam::%s:user/alice" % DEV)

    def test_assume_role_with_a_credential_process_source(self):
        self.assert_same_identity("deploy-via-process", "assume-role",
                                  "arn:aws:sts::%s:assumed-role/deploy/via-process" % PROD)

    def test_credential_source_instance_metadata(self):
        self.assert_same_identity("from-instance", "assume-role",
                                  "arn:aws:sts::%s:assumed-role/from-instance/instance-session" % PROD,
                                  AWS_EC2_METADATA_DISABLED="false",
                                  AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % self.imds_port)

    def test_credential_source_container(self):
        self.assert_same_identity("from-container", "assume-role",
                                  "arn:aws:sts::%s:assumed-role/from-container/container-session" % DEV,
                                  AWS_CONTAINER_CREDENTIALS_FULL_URI="http://127.0.0.1:%d/creds" % self.container_port,
                                  AWS_CONTAINER_AUTHORIZATION_TOKEN=CONTAINER_TOKEN)

    def test_profile_from_the_environment(self):
        self.assert_same_identity(None, "assume-role", "arn:aws:sts::%s:assumed-role/deploy/parity-deploy" % PROD,
                                  AWS_PROFILE="deploy")

    def test_keys_in_the_environment_come_before_the_aws_profile(self):
        self.assert_same_identity(None, "env", "arn:aws:iam::%s:user/alice" % DEV, AWS_PROFILE="deploy",
                                  AWS_ACCESS_KEY_ID=ALICE[0], AWS_SECRET_ACCESS_KEY=ALICE[1])

    def test_an_explicit_profile_comes_before_keys_in_the_environment(self):
        self.assert_same_identity("deploy", "assume-role", "arn:aws:sts::%s:assumed-role/deploy/parity-deploy" % PROD,
                                  AWS_ACCESS_KEY_ID=ALICE[0], AWS_SECRET_ACCESS_KEY=ALICE[1])

    def test_default_session_name_is_the_clis(self):
        env = self.env()
        for identity in (self.cli("deploy-default-session", env), self.ours("deploy-default-session", env)):
            self.assertRegex(identity["Arn"], r"^arn:aws:sts::%s:assumed-role/deploy/botocore-session-\d{10}$" % PROD)

    def test_role_the_cli_assumed_with_mfa_is_reused_without_sts(self):
        env = self.env()
        code = self.emu.control("totp?serial=" + MFA_SERIAL, method="GET")["code"]
        theirs = self.cli("admin-mfa", env, stdin=code + "\n")
        self.assertEqual(theirs["Arn"], "arn:aws:sts::%s:assumed-role/admin/mfa-session" % DEV)
        before = self.sts_calls("AssumeRole")
        # Standard input is no terminal: without the cache entry these would fail asking for a code.
        ours = self.ours("admin-mfa", env)
        self.assertEqual(ours["Arn"], theirs["Arn"])
        info = subprocess.run([EC2, "--profile", "admin-mfa", "-k", "no-such-key", "-i"], env=self.tool_env(),
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        self.assertEqual(info.returncode, 3, info.stderr)  # signed, found nothing: kExitNotFound
        self.assertIn("No instance for key 'no-such-key'", info.stderr)
        self.assertEqual(self.sts_calls("AssumeRole"), before)

    def test_role_we_assumed_is_reused_by_the_cli(self):
        env = self.env()
        before = self.sts_calls("AssumeRole")
        ours = self.ours("deploy-ours-first", env)
        self.assertEqual(self.sts_calls("AssumeRole"), before + 1)
        theirs = self.cli("deploy-ours-first", env)
        self.assertEqual(theirs["Arn"], ours["Arn"])
        self.assertEqual(self.sts_calls("AssumeRole"), before + 1)
        # Every entry, the CLI's and ours, is private to the user (the folder keeps the mode of
        # whoever made it first; cli_cache_test checks ours is 0700).
        cache = os.path.join(self.home, ".aws", "cli", "cache")
        for name in os.listdir(cache):
            self.assertEqual(os.stat(os.path.join(cache, name)).st_mode & 0o777, 0o600, name)

    def tool_env(self, **extra):
        env = self.env(EC2_KEY_DIR=os.path.join(self.home, "keys"), EC2_POLL_INTERVAL="0.02",
                       EC2_CHECKIP_URL=self.emu.endpoint + "/_emulator/checkip", **extra)
        return env

    def run_ec2(self, env, *args):
        result = subprocess.run([EC2] + list(args), env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, "ec2 %s: %s" % (" ".join(args), result.stderr))
        return result

    def instances_with_key(self, client, key):
        pages = client.get_paginator("describe_instances").paginate(
            Filters=[{"Name": "key-name", "Values": [key]}])
        return [i for page in pages for r in page["Reservations"] for i in r["Instances"]
                if i["State"]["Name"] != "terminated"]

    def assert_lifecycle(self, env, profile_args, key, account_client, other_client):
        """ec2 creates, describes, stops and removes its instance in the account of its credentials."""
        self.run_ec2(env, *profile_args, "-k", key, "--region", "us-east-1")
        [instance] = self.instances_with_key(account_client, key)
        self.assertEqual(self.instances_with_key(other_client, key), [])
        info = self.run_ec2(env, *profile_args, "-k", key, "--region", "us-east-1", "-i").stdout.strip()
        self.assertEqual(info, instance["PublicDnsName"])
        self.run_ec2(env, *profile_args, "-k", key, "--region", "us-east-1", "-s")
        self.run_ec2(env, *profile_args, "-k", key, "--region", "us-east-1", "-r")
        self.assertEqual(self.instances_with_key(account_client, key), [])
        self.assertFalse(os.path.exists(os.path.join(self.home, "keys", key + ".pem")))

    def container_client(self):
        import urllib.request
        request = urllib.request.Request("http://127.0.0.1:%d/creds" % self.container_port,
                                         headers={"Authorization": CONTAINER_TOKEN})
        with urllib.request.urlopen(request, timeout=10) as response:
            c = json.load(response)
        return self.boto3_ec2(c["AccessKeyId"], c["SecretAccessKey"], c["Token"])

    def test_ec2_lifecycle_with_an_assumed_role(self):
        self.assert_lifecycle(self.tool_env(), ["--profile", "deploy"], "as-deploy",
                              self.container_client(), self.boto3_ec2(*ALICE))

    def test_ec2_lifecycle_with_sso(self):
        self.assert_lifecycle(self.tool_env(), ["--profile", "sso-new"], "as-sso",
                              self.boto3_ec2(*ALICE), self.container_client())

    def test_ec2_lifecycle_on_an_instance(self):
        env = self.tool_env(AWS_EC2_METADATA_DISABLED="false",
                            AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % self.imds_port)
        self.assert_lifecycle(env, [], "as-instance", self.boto3_ec2(*ALICE), self.container_client())

    def inventory_owners(self, env):
        config = os.path.join(self.home, "two_regions.aws_ec2.yml")
        with open(config, "w") as f:
            f.write("plugin: amazon.aws.aws_ec2\nregions: [us-east-1, eu-west-1]\n")
        result = subprocess.run([EC2_INVENTORY, "--config", config, "--list", "--refresh-cache"], env=env,
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        hostvars = json.loads(result.stdout)["_meta"]["hostvars"]
        self.assertGreaterEqual(len(hostvars), 6)
        regions = {h["placement"]["region"] for h in hostvars.values()}
        self.assertEqual(regions, {"us-east-1", "eu-west-1"})
        return {h["owner_id"] for h in hostvars.values()}

    def test_inventory_with_an_assumed_role(self):
        self.assertEqual(self.inventory_owners(self.tool_env(AWS_PROFILE="deploy")), {PROD})

    def test_inventory_with_sso(self):
        self.assertEqual(self.inventory_owners(self.tool_env(AWS_PROFILE="sso-new")), {DEV})

    def test_inventory_on_an_instance(self):
        env = self.tool_env(AWS_EC2_METADATA_DISABLED="false",
                            AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % self.imds_port)
        self.assertEqual(self.inventory_owners(env), {DEV})


if __name__ == "__main__":
    EMULATOR, CALLER_IDENTITY, EC2, EC2_INVENTORY = sys.argv[1:5]
    unittest.main(argv=sys.argv[:1], verbosity=2)
