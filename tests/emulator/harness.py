"""Runs a private ec2-emulator for one test and gives hermetic AWS CLI / boto3 environments.

The emulator binds 127.0.0.1 on a free port (--port 0, read back from --port-file) and is stopped
with SIGTERM by the test that started it. HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point
into a temporary directory so no user configuration is read.
"""
import json
import os
import subprocess
import tempfile
import time
import urllib.request

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
READ_ONLY_KEY = "AKIAI44QH8DHBEXAMPLE"
READ_ONLY_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"


class Emulator:
    """Context manager: `with Emulator(binary, "--seed-instances", "20") as emu: ...`."""

    def __init__(self, binary, *args):
        self.binary = binary
        self.args = list(args)

    def __enter__(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="ec2emu-")
        self.start()
        return self

    def start(self):
        port_file = os.path.join(self.tmp.name, "port")
        if os.path.exists(port_file):
            os.unlink(port_file)
        self.log = open(os.path.join(self.tmp.name, "emulator.log"), "a")
        self.process = subprocess.Popen(
            [self.binary, "--port", "0", "--port-file", port_file] + self.args,
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not os.path.exists(port_file):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("ec2-emulator did not start: " + self.log_text())
            time.sleep(0.02)
        with open(port_file) as f:
            self.endpoint = "http://127.0.0.1:%s" % f.read().strip()

    def stop(self, kill=False):
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.log.close()
        return code

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.stop()
        self.tmp.cleanup()
        return False

    def log_text(self):
        with open(os.path.join(self.tmp.name, "emulator.log")) as f:
            return f.read()

    def env(self, region="us-east-1", key=ACCESS_KEY, secret=SECRET_KEY):
        home = self.tmp.name
        empty = os.path.join(home, "empty")
        open(empty, "w").close()
        return {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "LANG": "C.UTF-8",
            "AWS_CONFIG_FILE": empty,
            "AWS_SHARED_CREDENTIALS_FILE": empty,
            "AWS_ACCESS_KEY_ID": key,
            "AWS_SECRET_ACCESS_KEY": secret,
            "AWS_DEFAULT_REGION": region,
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_PAGER": "",
            "AWS_MAX_ATTEMPTS": "1",
        }

    def aws(self, *args, region="us-east-1", key=ACCESS_KEY, secret=SECRET_KEY):
        """Runs /usr/bin/aws ec2 ARGS; returns (exit code, parsed JSON or None, stderr)."""
        proc = subprocess.run(["/usr/bin/aws", "--endpoint-url", self.endpoint, "--output", "json", "ec2"] + list(args),
                              env=self.env(region, key, secret), capture_output=True, text=True, timeout=120)
        body = json.loads(proc.stdout) if proc.stdout.strip() else None
        return proc.returncode, body, proc.stderr

    def client(self, region="us-east-1", key=ACCESS_KEY, secret=SECRET_KEY, **config):
        import boto3
        import botocore.config
        os.environ.update(self.env(region, key, secret))
        session = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key=secret, region_name=region)
        return session.client("ec2", endpoint_url=self.endpoint,
                              config=botocore.config.Config(**config) if config else None)

    def control(self, path, method="POST", body=None):
        data = json.dumps(body).encode() if body is not None else (b"" if method in ("POST", "PUT") else None)
        request = urllib.request.Request(self.endpoint + "/_emulator/" + path, data=data, method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
        return json.loads(text) if text.startswith(("{", "[")) else text
