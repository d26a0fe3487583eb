"""Runs the ec2_vpc_net playbooks with real ansible-playbook against a private ec2-emulator.

Usage: /usr/bin/python3 run_playbook.py EMULATOR LIBRARY_DIR ours|parity
  ours    the built module (ANSIBLE_LIBRARY=LIBRARY_DIR): playbook.yml and failures.yml
  parity  playbook.yml with upstream amazon.aws.ec2_vpc_net, then with the built module, each on a
          fresh emulator; the `changed` values and the returned `vpc` fields must agree.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "emulator", "vpc"))
from emulator_env import ACCESS_KEY, SECRET_KEY, Emulator  # noqa: E402

# Fields whose values differ between any two VPCs (ids, association ids).
VOLATILE = {"id", "association_id", "owner_id", "dhcp_options_id"}


def run_playbook(emulator, library, playbook_text, tmp, name):
    path = os.path.join(tmp, name + ".yml")
    with open(path, "w") as f:
        f.write(playbook_text)
    out_file = os.path.join(tmp, name + ".json")
    with Emulator(emulator) as emu:
        env = emu.ansible_env(library)
        extra = {"endpoint": emu.endpoint, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "out_file": out_file,
                 "flavor": name}
        cmd = ["/usr/bin/ansible-playbook", "-i", "localhost,", "-c", "local", path, "-e", json.dumps(extra)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0 or "failed=0" not in proc.stdout:
        raise SystemExit("%s: ansible-playbook failed (exit %d)" % (name, proc.returncode))
    if os.path.exists(out_file):
        with open(out_file) as f:
            return json.load(f)
    return None


def settled(state):
    """The module waits for CIDR associations to settle; upstream may return them still moving."""
    moving = {"associating": "associated", "disassociating": "disassociated"}
    return dict(state, state=moving.get(state.get("state"), state.get("state")))


def live(associations):
    """Associations without the ones on their way out (ours waits until they are gone)."""
    gone = ("disassociating", "disassociated")
    return [a for a in associations
            if a.get("cidr_block_state", a.get("ipv6_cidr_block_state", {})).get("state") not in gone]


def shape(value):
    """The value with volatile ids blanked, CIDR states settled and lists of dicts sorted."""
    if isinstance(value, dict):
        return {k: ("<id>" if k in VOLATILE else settled(v) if k.endswith("cidr_block_state")
                    else shape(live(v)) if k.endswith("association_set") else shape(v))
                for k, v in value.items()}
    if isinstance(value, list):
        items = [shape(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def compare(upstream, ours):
    problems = []
    for step in upstream:
        up, me = upstream[step], ours[step]
        if up.get("changed") != me.get("changed"):
            problems.append("%s: changed %s upstream, %s here" % (step, up.get("changed"), me.get("changed")))
        up_vpc, my_vpc = up.get("vpc"), me.get("vpc")
        if up_vpc is None or my_vpc is None:
            if (up_vpc is None) != (my_vpc is None):
                problems.append("%s: vpc returned by only one module" % step)
            continue
        if shape(up_vpc) != shape(my_vpc):
            problems.append("%s: vpc differs\n  upstream: %s\n  here:     %s" % (
                step, json.dumps(shape(up_vpc), sort_keys=True), json.dumps(shape(my_vpc), sort_keys=True)))
    return problems


def main(emulator, library, mode):
    with open(os.path.join(HERE, "playbook.yml")) as f:
        scenario = f.read()
    with tempfile.TemporaryDirectory(prefix="vpc-net-") as tmp:
        if mode == "ours":
            run_playbook(emulator, library, scenario.replace("MODULE:", "ec2_vpc_net:"), tmp, "ours")
            with open(os.path.join(HERE, "failures.yml")) as f:
                run_playbook(emulator, library, f.read(), tmp, "failures")
            return 0
        upstream = run_playbook(emulator, library, scenario.replace("MODULE:", "amazon.aws.ec2_vpc_net:"), tmp,
                                "upstream")
        ours = run_playbook(emulator, library, scenario.replace("MODULE:", "ec2_vpc_net:"), tmp, "ours")
        problems = compare(upstream, ours)
        for p in problems:
            print("PARITY: " + p)
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
