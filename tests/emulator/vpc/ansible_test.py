"""Smoke run of the upstream Ansible modules amazon.aws.ec2_vpc_net and community.aws.ec2_vpc_peer
against the emulator with real ansible-playbook: create a VPC with two CIDRs and tags, re-run it
unchanged, swap the second IPv4 block for an Amazon IPv6 block (purge_cidrs, ipv6_cidr) and re-run
that unchanged, then create (and re-create, swapped), re-tag, accept and delete a peering
connection, and reject a second one. Every step is asserted in the
playbook (playbook.yml beside this file).

Usage: /usr/bin/python3 ansible_test.py PATH/TO/ec2-emulator
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_env import ACCESS_KEY, SECRET_KEY, Emulator  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main(binary):
    with Emulator(binary) as emu:
        env = emu.ansible_env()
        cmd = ["/usr/bin/ansible-playbook", "-i", "localhost,", "-c", "local", os.path.join(HERE, "playbook.yml"),
               "-e", "endpoint=%s access_key=%s secret_key=%s" % (emu.endpoint, ACCESS_KEY, SECRET_KEY)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr)
        if proc.returncode != 0:
            print("ansible-playbook failed with exit code %d" % proc.returncode)
            return 1
        if "failed=0" not in proc.stdout:
            print("the play recap reports failures")
            return 1
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
