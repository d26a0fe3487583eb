"""Starts a private ec2-emulator for one test run and builds a hermetic AWS client environment.

Usage: `with Emulator(binary) as emu: subprocess.run([...], env=emu.env)`. The emulator listens on
127.0.0.1 on a free port (--port 0), runs transitions 50 times faster than EC2 and is stopped with
SIGTERM when the block ends. HOME, AWS_CONFIG_FILE and the credentials file point into a temporary
directory so no user configuration leaks in.
"""
import os
import subprocess
import tempfile
import time

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


class Emulator:
    def __init__(self, binary, *extra_args):
        self.binary = binary
        self.extra_args = list(extra_args)
        self.tmp = None
        self.process = None
        self.endpoint = None
        self.env = None

    def __enter__(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="emu-vpc-")
        port_file = os.path.join(self.tmp.name, "port")
        self.log = open(os.path.join(self.tmp.name, "emulator.log"), "w")
        self.process = subprocess.Popen(
            [self.binary, "--host", "127.0.0.1", "--port", "0", "--port-file", port_file,
             "--transition-scale", "0.02"] + self.extra_args,
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        port = ""
        while not port:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("ec2-emulator did not start")
            time.sleep(0.05)
            if os.path.exists(port_file):
                with open(port_file) as f:
                    port = f.read().strip()
        self.endpoint = "http://127.0.0.1:%s" % port
        self.env = self._client_env()
        return self

    def _client_env(self):
        home = self.tmp.name
        config = os.path.join(home, "aws-config")
        with open(config, "w") as f:
            f.write("[default]\nregion = us-east-1\noutput = json\n")
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "LANG": "C.UTF-8",
            "AWS_CONFIG_FILE": config,
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "no-credentials"),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_PAGER": "",
        }
        return env

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        self.tmp.cleanup()
        return False

    def client(self, region="us-east-1"):
        """A boto3 EC2 client bound to the emulator (boto3 imported lazily)."""
        import boto3
        os.environ.update(self.env)
        session = boto3.session.Session(aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                                        region_name=region)
        return session.client("ec2", endpoint_url=self.endpoint)

    def ansible_env(self, library=None):
        """The client environment for ansible-playbook: temporary folders inside HOME, no colour,
        retry files or localhost warnings, Debian's python3, and ANSIBLE_LIBRARY when given."""
        env = dict(self.env)
        env.update({
            "ANSIBLE_LOCAL_TEMP": os.path.join(env["HOME"], "ansible-tmp"),
            "ANSIBLE_REMOTE_TEMP": os.path.join(env["HOME"], "ansible-remote-tmp"),
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_RETRY_FILES_ENABLED": "0",
            "ANSIBLE_PYTHON_INTERPRETER": "/usr/bin/python3",
            "ANSIBLE_LOCALHOST_WARNING": "0",
            "ANSIBLE_INVENTORY_UNPARSED_WARNING": "0",
        })
        if library:
            env["ANSIBLE_LIBRARY"] = library
        return env
