"""Every credential mistake is one clear line on stderr and a non-zero exit, never a hang.

Runs `ec2 -i` (which signs a DescribeInstances) against an emulator with accounts, under profiles
that cannot work: a role cycle, a missing source profile, source_profile with credential_source,
a role that does not trust the caller or wants another external id, a wrong MFA code typed on a
terminal, an expired SSO session with no refresh token, an unreadable web identity token file,
instance metadata that never answers and container credentials without their token.

Usage: /usr/bin/python3 bad_input_test.py EMULATOR EC2
"""
import fcntl
import hashlib
import json
import os
import pty
import socket
import subprocess
import sys
import termios
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "emulator"))
import harness  # noqa: E402

EMULATOR = EC2 = None
ALICE = ("AKIAALICE00000000001", "alice/secret/key/0000000000000000000001")
MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice"
START_URL = "https://corp.awsapps.com/start"

CONFIG = """
[profile alice]
region = us-east-1

[profile loop-a]
role_arn = arn:aws:iam::111111111111:role/hop
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::111111111111:role/hop
source_profile = loop-a

[profile orphan]
role_arn = arn:aws:iam::111111111111:role/hop
source_profile = nowhere

[profile both]
role_arn = arn:aws:iam::111111111111:role/hop
source_profile = alice
credential_source = Environment

[profile untrusted]
role_arn = arn:aws:iam::222222222222:role/task
source_profile = alice

[profile wrong-external-id]
role_arn = arn:aws:iam::222222222222:role/deploy
source_profile = alice
external_id = not-the-one

[profile admin-mfa]
role_arn = arn:aws:iam::111111111111:role/admin
source_profile = alice
mfa_serial = {mfa}

[profile expired-sso]
sso_start_url = {start_url}
sso_region = us-east-1
sso_account_id = 111111111111
sso_role_name = Admin

[profile web-unreadable]
role_arn = arn:aws:iam::111111111111:role/ci
web_identity_token_file = {home}/no-such-token
"""


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emu = harness.Emulator(EMULATOR, "--accounts", os.path.join(HERE, "accounts.yaml"),
                                   "--container-port", "0", "--container-role", "arn:aws:iam::222222222222:role/task",
                                   "--container-token", "the-token")
        cls.emu.__enter__()
        cls.home = cls.emu.tmp.name
        aws = os.path.join(cls.home, ".aws")
        os.makedirs(os.path.join(aws, "sso", "cache"))
        with open(os.path.join(aws, "config"), "w") as f:
            f.write(CONFIG.format(mfa=MFA_SERIAL, start_url=START_URL, home=cls.home))
        with open(os.path.join(aws, "credentials"), "w") as f:
            f.write("[alice]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % ALICE)
        # What `aws sso login` left for a legacy profile, an hour ago: expired, no refresh token.
        cache = os.path.join(aws, "sso", "cache", hashlib.sha1(START_URL.encode()).hexdigest() + ".json")
        with open(cache, "w") as f:
            json.dump({"startUrl": START_URL, "region": "us-east-1", "accessToken": "expired-token",
                       "expiresAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600))}, f)
        cls.container_port = cls.emu.control("container", method="GET")["port"]

    @classmethod
    def tearDownClass(cls):
        cls.emu.__exit__(None, None, None)

    def env(self, **extra):
        aws = os.path.join(self.home, ".aws")
        env = {"PATH": "/usr/bin:/bin", "HOME": self.home, "LANG": "C.UTF-8",
               "AWS_CONFIG_FILE": os.path.join(aws, "config"),
               "AWS_SHARED_CREDENTIALS_FILE": os.path.join(aws, "credentials"),
               "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
               "AWS_ENDPOINT_URL": self.emu.endpoint, "AWS_MAX_ATTEMPTS": "1",
               "EC2_KEY_DIR": os.path.join(self.home, "keys")}
        env.update(extra)
        return env

    def fails(self, profile, *phrases, **extra):
        """`ec2 -i` fails with one line on stderr holding every phrase; returns that line."""
        argv = [EC2, "-k", "key", "-i"] + (["--profile", profile] if profile else [])
        result = subprocess.run(argv, env=self.env(**extra), capture_output=True, text=True, timeout=60,
                                stdin=subprocess.DEVNULL)
        self.assertNotEqual(result.returncode, 0, result.stdout)
        self.assertEqual(result.stdout, "")
        line = result.stderr.strip()
        self.assertNotIn("\n", line)
        for phrase in phrases:
            self.assertIn(phrase, line)
        return line

    def test_role_cycle_names_the_profiles(self):
        self.fails("loop-a", "loop-a", "loop-b")

    def test_missing_source_profile(self):
        self.fails("orphan", "nowhere")

    def test_source_profile_and_credential_source(self):
        self.fails("both", "source_profile", "credential_source", "both")

    def test_role_that_does_not_trust_the_caller(self):
        line = self.fails("untrusted", "AccessDenied", "arn:aws:iam::222222222222:role/task", "untrusted")
        self.assertRegex(line, r"request [0-9a-f-]{36}")

    def test_wrong_external_id(self):
        self.fails("wrong-external-id", "AccessDenied", "arn:aws:iam::222222222222:role/deploy")

    def test_mfa_without_a_terminal_says_how_to_fill_the_cache(self):
        self.fails("admin-mfa", "aws sts get-caller-identity --profile admin-mfa")

    def test_wrong_mfa_code_typed_on_the_terminal(self):
        master, slave = pty.openpty()

        def take_terminal():
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        process = subprocess.Popen([EC2, "-k", "key", "-i", "--profile", "admin-mfa"], env=self.env(),
                                   stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   preexec_fn=take_terminal)
        os.close(slave)
        expected = ("Enter MFA code for %s: " % MFA_SERIAL).encode()
        prompt = b""
        while expected not in prompt:
            chunk = os.read(master, 1024)
            self.assertTrue(chunk, prompt)
            prompt += chunk
        os.write(master, b"000000\n")
        out, err = process.communicate(timeout=60)
        os.close(master)
        self.assertNotEqual(process.returncode, 0)
        self.assertEqual(out, b"")
        self.assertIn(b"AccessDenied", err)
        self.assertIn(b"MultiFactorAuthentication", err)

    def test_expired_sso_session_without_refresh(self):
        self.fails("expired-sso", "The SSO session for profile 'expired-sso' has expired or is missing; "
                                  "run: aws sso login --profile expired-sso")

    def test_unreadable_web_identity_token_file(self):
        self.fails("web-unreadable", os.path.join(self.home, "no-such-token"))

    def test_instance_metadata_that_never_answers(self):
        # A socket that accepts connections and never answers: every attempt ends at the timeout.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        try:
            started = time.monotonic()
            line = self.fails(None, "Unable to locate credentials", "AWS_ACCESS_KEY_ID", "credential_process",
                              "container credentials", "instance metadata",
                              AWS_EC2_METADATA_DISABLED="false",
                              AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:%d/" % silent.getsockname()[1])
            # botocore's defaults: 1 s timeout, 1 attempt. A hang would reach the 60 s limit above.
            self.assertLess(time.monotonic() - started, 20, line)
        finally:
            silent.close()

    def test_container_credentials_without_their_token(self):
        self.fails(None, "container",
                   AWS_CONTAINER_CREDENTIALS_FULL_URI="http://127.0.0.1:%d/creds" % self.container_port)


if __name__ == "__main__":
    EMULATOR, EC2 = sys.argv[1:3]
    unittest.main(argv=sys.argv[:1], verbosity=2)
