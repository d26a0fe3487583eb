#!/usr/bin/python3
"""The multi-account benchmark: ec2-inventory fanning out over 50 accounts × 4 regions × 200
instances (40,000 hosts) through assumed roles, against the aws_ec2 plugin with one config per
account (`iam_role_arn`), with added latency (150 ms per EC2 call, 300 ms per AssumeRole) and
without (CPU-bound, beside one account of 40,000 instances).

Run alone with `make bench BENCH=accounts` or `bench/accounts.py BUILD_DIR [--runs N]`: it
rewrites only its own section of docs/benchmarks.md. bench/compare.py runs it with the rest.
"""
import argparse
import json
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYHOOK = os.path.join(ROOT, "tests", "inventory", "aws_ec2", "pyhook")
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2"]
ACCOUNTS = 50
PER_REGION = 200
EC2_LATENCY_MS = 150
STS_LATENCY_MS = 300
PAGE_SIZE = 1000  # MaxResults of every DescribeInstances page
IN_FLIGHT = 256
ROLE = "inventory"
HUB_KEY = "AKIAHUB0000000000001"
HUB_SECRET = "hub/secret/key/0000000000000000000000001"
PLUGIN_LIMIT = 600.0  # seconds: the full plugin run is stopped there and its figure is a lower bound
HEADING = "## Inventory over 50 accounts (assumed roles)"


def account_id(i):
    """The id of account `i` (1-based): 100000000001, 100000000002, …"""
    return f"{100000000000 + i:012d}"


def role_arn(i):
    return f"arn:aws:iam::{account_id(i)}:role/{ROLE}"


def accounts_yaml(n):
    """An accounts file of `n` seeded accounts: account 1 holds the hub user, whose key may assume
    role `inventory` in every account (its own included)."""
    hub = f"arn:aws:iam::{account_id(1)}:user/hub"
    lines = ["accounts:"]
    for i in range(1, n + 1):
        lines += [f'  - id: "{account_id(i)}"', f"    alias: acct{i:02d}", "    seed: true"]
        if i == 1:
            lines += ["    users:", "      - name: hub", "        access_keys:",
                      f"          - {{id: {HUB_KEY}, secret: {HUB_SECRET}}}"]
        lines += ["    roles:", f"      - name: {ROLE}", f'        trust: {{users: ["{hub}"]}}']
    return "\n".join(lines) + "\n"


def regions_yaml(regions):
    return "regions:\n" + "".join(f"  - {r}\n" for r in regions)


def inventory_config(url, n, regions=REGIONS):
    """ec2-inventory's config: one file, the list form of `ec2_inventory.accounts` (n role ARNs);
    n = 0 gives the single-account config (the caller's own account)."""
    text = "plugin: amazon.aws.aws_ec2\n" + regions_yaml(regions) + "hostnames:\n  - instance-id\n"
    text += f"endpoint_url: {url}\n"
    if n:
        text += ("ec2_inventory:\n  accounts:\n    role_arns:\n"
                 + "".join(f"      - {role_arn(i)}\n" for i in range(1, n + 1))
                 + f"  max_requests_in_flight: {IN_FLIGHT}\n")
    return text


def plugin_config(i, regions=REGIONS):
    """The plugin's config for account `i`: what users write today, one file per account."""
    return ("plugin: amazon.aws.aws_ec2\n" + regions_yaml(regions) + "hostnames:\n  - instance-id\n"
            + f"iam_role_arn: {role_arn(i)}\n")


def critical_path(sts_ms=STS_LATENCY_MS, ec2_ms=EC2_LATENCY_MS, per_region=PER_REGION, page_size=PAGE_SIZE):
    """(milliseconds, pages): one AssumeRole, then a stream's pages one after another — every
    account × region stream starts once its account's role is assumed and needs
    ceil(instances / MaxResults) sequential DescribeInstances pages, each carrying the added latency."""
    pages = max(1, math.ceil(per_region / page_size))
    return sts_ms + pages * ec2_ms, pages


def emulator_args(accounts_file, per_account, latency):
    args = ["--accounts", accounts_file, "--seed-instances", str(per_account), "--seed-regions", ",".join(REGIONS),
            "--threads", str(2 * IN_FLIGHT)]
    if latency:
        args += ["--fault", f"*:latency={EC2_LATENCY_MS}", "--fault", f"AssumeRole:latency={STS_LATENCY_MS}"]
    return args


def stats(emu):
    """The emulator's calls per action so far."""
    import urllib.request
    with urllib.request.urlopen(emu.url + "/_emulator/stats") as answer:
        return json.load(answer)["actions"]


def hosts_of(run):
    return len(json.loads(run.stdout)["_meta"]["hostvars"])


def measure_inventory(build, emu, env, home, n, runs):
    """ec2-inventory with `n` accounts (0: the caller's own): a summary with host count and calls
    per run, or {"refused": message} when this ec2-inventory does not take the config."""
    config = os.path.join(home, f"inventory-{n}.aws_ec2.yml")
    with open(config, "w") as f:
        f.write(inventory_config(emu.url, n))
    cmd = [os.path.join(build, "tools", "inventory", "ec2-inventory"), "--config", config, "--list"]
    before = stats(emu)
    try:
        first = harness.timed_run(cmd, env)
    except RuntimeError as e:
        message = str(e).split(" failed: ", 1)[-1].strip().splitlines()[0]
        return {"refused": message.replace(os.path.dirname(config) + os.sep, "")}
    after = stats(emu)
    calls = {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}
    result = harness.side_by_side({"ours": harness.Tool(cmd, env, runs)}, server=emu)["ours"]
    result.update(hosts=hosts_of(first), calls=calls)
    return result


def plugin_run(home, env, accounts, peak, timeout=None):
    """One ansible-inventory run over the per-account configs of `accounts`."""
    cmd = ["/usr/bin/ansible-inventory"]
    for i in accounts:
        path = os.path.join(home, f"a{i}.aws_ec2.yml")
        with open(path, "w") as f:
            f.write(plugin_config(i))
        cmd += ["-i", path]
    return harness.timed_run(cmd + ["--list"], env, peak=peak, timeout=timeout)


def measure_plugin(home, env, limit):
    """The plugin over the first 2 and 5 accounts, then over all of them, stopped at `limit` seconds:
    a dict with seconds, whether the full run was stopped (then `seconds` is a lower bound: the
    larger of the limit and a straight line through the subsets), the subsets' times, the line's
    prediction, and the peak memory of the largest run that finished."""
    small, large = 2, 5
    a = plugin_run(home, env, range(1, small + 1), True)
    b = plugin_run(home, env, range(1, large + 1), True)
    predicted = b.seconds + (b.seconds - a.seconds) / (large - small) * (ACCOUNTS - large)
    out = {"subsets": {small: a.seconds, large: b.seconds}, "predicted": predicted, "limit": limit}
    try:
        full = plugin_run(home, env, range(1, ACCOUNTS + 1), True, timeout=limit)
    except harness.TimedOut:
        return dict(out, seconds=max(limit, predicted), stopped=True, peak_mib=b.peak_mib,
                    peak_accounts=large, peak_hosts=hosts_of(b))
    return dict(out, seconds=full.seconds, stopped=False, peak_mib=full.peak_mib, peak_accounts=ACCOUNTS,
                peak_hosts=hosts_of(full))


def scenario(build, home, latency, runs, plugin_limit):
    """The 50-account fleet, with or without added latency: ec2-inventory, and with latency the plugin."""
    accounts_file = os.path.join(home, "accounts.yaml")
    with open(accounts_file, "w") as f:
        f.write(accounts_yaml(ACCOUNTS))
    emulator = os.path.join(build, "tools", "emulator", "ec2-emulator")
    env = harness.hermetic_env(home)
    env.update({"AWS_ACCESS_KEY_ID": HUB_KEY, "AWS_SECRET_ACCESS_KEY": HUB_SECRET})
    with harness.Emulator(emulator, *emulator_args(accounts_file, PER_REGION * len(REGIONS), latency)) as emu:
        env["AWS_ENDPOINT_URL_STS"] = emu.url
        out = {"inventory": measure_inventory(build, emu, env, home, ACCOUNTS, runs)}
        if latency and plugin_limit > 0:
            out["plugin"] = measure_plugin(home, dict(env, PYTHONPATH=PYHOOK, EC2_TEST_ENDPOINT_URL=emu.url),
                                           plugin_limit)
        return out


def single_account(build, home, runs):
    """One account (the emulator's default), 4 regions × 10,000 instances, no added latency."""
    emulator = os.path.join(build, "tools", "emulator", "ec2-emulator")
    size = ACCOUNTS * PER_REGION * len(REGIONS)
    with harness.Emulator(emulator, "--seed-instances", str(size), "--seed-regions", ",".join(REGIONS)) as emu:
        return measure_inventory(build, emu, harness.hermetic_env(home), home, 0, runs)


def run(build, runs=5, plugin_limit=PLUGIN_LIMIT):
    """Every measurement of this benchmark; a dict for report_lines."""
    with tempfile.TemporaryDirectory() as home:
        latency = scenario(build, home, True, runs, plugin_limit)
        flat = scenario(build, home, False, runs, 0)
        single = single_account(build, home, runs)
    path_ms, pages = critical_path()
    return {"latency": latency, "flat": flat["inventory"], "single": single, "critical_ms": path_ms,
            "pages": pages, "runs": runs}


def seconds_cell(result):
    if not result or "refused" in result:
        return "to be measured"
    return harness.fmt_cell(result)


def mib_cell(result):
    return f"{result['peak_mib']:.0f} MiB" if result and result.get("peak_mib") else "to be measured"


def plugin_lines(plugin, ours):
    """The plugin's row and the note saying how its figure was obtained."""
    if not plugin:
        return [], []
    subsets = ", ".join(f"{n} accounts {harness.fmt_seconds(s)}" for n, s in plugin["subsets"].items())
    line = (f"a straight line through the first {subsets} predicts "
            f"{harness.fmt_seconds(plugin['predicted'])}")
    if plugin["stopped"]:
        how = (f"a lower bound: the run over all {ACCOUNTS} accounts was stopped when it reached "
               f"{harness.fmt_seconds(plugin['limit'])} without having finished, and {line}, so each account "
               "costs the plugin more the more accounts it is given")
    else:
        how = f"one run over all {ACCOUNTS} accounts ({line})"
    bound = "≥ " if plugin["stopped"] else ""
    measured = ours and "refused" not in ours
    ratio = f"{bound}{plugin['seconds'] / ours['median']:.0f}× ours" if measured else "ratio to be measured"
    row = (f"| aws_ec2 plugin: {ACCOUNTS} configs with `iam_role_arn`, one `ansible-inventory -i … -i … --list` "
           f"| {bound}{harness.fmt_seconds(plugin['seconds'])} | {plugin['peak_mib']:.0f} MiB | {ratio} |")
    note = [f"The plugin's figure is {how}. Its peak memory is that of its largest finished run "
            f"({plugin['peak_accounts']} accounts, {plugin['peak_hosts']:,} hosts). It assumes the role once per "
            "account and region, and goes through the regions one after another and the accounts one after "
            "another."]
    return [row], note


def refused_note(*results):
    for r in results:
        if r and "refused" in r:
            return ["", "ec2-inventory figures are to be measured: this build refused the multi-account "
                    f"configuration (`{r['refused']}`)."]
    return []


def cpu_bound_note(ours, flat, single, crit):
    """When the goal is missed and even the run without added latency takes longer than the goal,
    the sentence that says so: the hosts' own work, not the round trips, is then what bounds the run."""
    if any(not r or "refused" in r for r in (ours, flat, single)):
        return []
    goal = 1.25 * crit
    if ours["median"] <= goal or flat["median"] <= goal:
        return []
    cores = os.cpu_count()
    return ["", f"The goal is out of reach on this machine while the work on the hosts alone takes longer than "
            f"it ({harness.fmt_seconds(goal)}): without added latency the same {ACCOUNTS} accounts take "
            f"{harness.fmt_seconds(flat['median'])} ({flat['median'] / crit:.2f}× the critical path) and one "
            f"account with the same {single['hosts']:,} hosts {harness.fmt_seconds(single['median'])}, with "
            f"{flat['cpu'] + flat['server_cpu']:.2f} s of CPU between ec2-inventory and the emulator on "
            f"{cores} cores (tables below). The added latency costs "
            f"{harness.fmt_seconds(ours['median'] - flat['median'])} over that run, against a critical path of "
            f"{harness.fmt_seconds(crit)}: the pages of all streams arrive together after it, and the CPU work "
            "on them follows."]


def report_lines(result):
    """The Markdown section of docs/benchmarks.md."""
    lat = result["latency"]
    ours, plugin = lat["inventory"], lat.get("plugin")
    crit = result["critical_ms"] / 1000
    lines = [HEADING, "",
             f"{ACCOUNTS} accounts × {len(REGIONS)} regions × {PER_REGION} instances "
             f"({ACCOUNTS * len(REGIONS) * PER_REGION:,} hosts, `hostnames: [instance-id]`), seeded by one "
             f"`ec2-emulator --accounts` whose accounts file the benchmark writes: a hub user in account 1 whose "
             f"key may assume role `{ROLE}` in every account. ec2-inventory reads one config with the "
             f"{ACCOUNTS} role ARNs (`ec2_inventory.accounts.role_arns`, `max_requests_in_flight: {IN_FLIGHT}`). "
             f"Run on its own with `make bench BENCH=accounts` (or `bench/accounts.py BUILD_DIR`); medians of "
             f"{result['runs']} runs with (min–max).", "",
             f"### With added latency: {EC2_LATENCY_MS} ms per EC2 call, {STS_LATENCY_MS} ms per AssumeRole", "",
             f"The critical path is one AssumeRole ({STS_LATENCY_MS} ms) followed by the longest chain of "
             f"sequential page requests of any account × region stream: {PER_REGION} instances a region fit in "
             f"{result['pages']} DescribeInstances page(s) of MaxResults {PAGE_SIZE} "
             f"(⌈{PER_REGION} / {PAGE_SIZE}⌉), {result['pages']} × {EC2_LATENCY_MS} ms — "
             f"{harness.fmt_seconds(crit)} in all. Goal: ec2-inventory within 1.25× of it.", "",
             "| run | wall time | peak memory | against |", "| --- | --- | --- | --- |"]
    against = "to be measured"
    if ours and "refused" not in ours:
        factor = ours["median"] / crit
        against = f"{factor:.2f}× the critical path (goal ≤ 1.25×: {'met' if factor <= 1.25 else '**not met**'})"
    lines.append(f"| ec2-inventory, {ACCOUNTS} role ARNs | {seconds_cell(ours)} | {mib_cell(ours)} | {against} |")
    lines.append(f"| critical path | {harness.fmt_seconds(crit)} | – | – |")
    rows, notes = plugin_lines(plugin, ours)
    lines += rows
    if ours and "calls" in ours:
        calls = ", ".join(f"{k} {v}" for k, v in sorted(ours["calls"].items()))
        lines += ["", f"Calls of one ec2-inventory run, as the emulator counted them: {calls}."]
    lines += [""] + notes if notes else []
    flat, single = result["flat"], result["single"]
    lines += cpu_bound_note(ours, flat, single, crit)
    lines += ["", "### Without added latency (CPU-bound)", "",
              "| run | wall time | CPU (all threads) | emulator CPU | peak memory | hosts |",
              "| --- | --- | --- | --- | --- | --- |"]
    for name, r in ((f"{ACCOUNTS} accounts × {len(REGIONS)} regions × {PER_REGION}", flat),
                    (f"1 account × {len(REGIONS)} regions × {ACCOUNTS * PER_REGION:,}", single)):
        measured = r and "refused" not in r
        cpu = f"{r['cpu'] * 1e3:.0f} ms" if measured else "to be measured"
        server = f"{r['server_cpu'] * 1e3:.0f} ms" if measured else "to be measured"
        hosts = f"{r['hosts']:,}" if measured else "–"
        lines.append(f"| {name} | {seconds_cell(r)} | {cpu} | {server} | {mib_cell(r)} | {hosts} |")
    lines += refused_note(ours, flat, single)
    return lines + [""]


def update_section(path, lines):
    """Replaces this benchmark's section of `path` (or appends it) and leaves the rest as it is."""
    text = ""
    if os.path.exists(path):
        with open(path) as f:
            text = f.read()
    start = text.find(HEADING)
    section = "\n".join(lines)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plugin-limit", type=float, default=PLUGIN_LIMIT,
                        help="longest full plugin run (seconds); a run stopped there gives a lower bound; 0 skips the plugin")
    args = parser.parse_args()
    lines = report_lines(run(os.path.abspath(args.build), args.runs, args.plugin_limit))
    update_section(os.path.join(ROOT, "docs", "benchmarks.md"), lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
