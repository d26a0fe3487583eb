#!/usr/bin/python3
"""Runs every benchmark of the toolkit in one go (the 50-account one of bench/accounts.py last),
side by side with its peers on the same emulator and fleets, and writes docs/benchmarks.md
(Markdown tables) and docs/inventory-scaling.png.

Usage: bench/compare.py BUILD_DIR [--runs N] [--sizes 1000,10000,100000] [--plugin-limit S]
"""
import argparse
import glob
import json
import os
import platform
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accounts  # noqa: E402
import harness  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]
PYHOOK = os.path.join(ROOT, "tests", "inventory", "aws_ec2", "pyhook")
PARTS_SIZE = 10000  # the fleet size of the inventory goals, whose run is also timed part by part

BOTO3_LOOKUP = """
import boto3, sys
ec2 = boto3.client("ec2", endpoint_url=sys.argv[1])
r = ec2.describe_instances(Filters=[{"Name": "key-name", "Values": ["ec2.py"]},
    {"Name": "instance-state-name", "Values": ["pending", "running", "stopping", "stopped"]}])
for res in r["Reservations"]:
    for i in res["Instances"]:
        print(i.get("PublicDnsName", ""))
"""


def micro_benchmarks(build, runs):
    """Runs every *_bench executable; returns rows (binary, name, median, spread, throughput)."""
    rows = []
    for binary in sorted(glob.glob(os.path.join(build, "**", "*_bench"), recursive=True)):
        if not os.access(binary, os.X_OK):
            continue
        out = subprocess.run([binary, "--benchmark_format=json", f"--benchmark_repetitions={runs}",
                              "--benchmark_report_aggregates_only=true"],
                             check=True, capture_output=True, text=True).stdout
        stats = {}
        for b in json.loads(out)["benchmarks"]:
            stats.setdefault(b["run_name"], {})[b["aggregate_name"]] = b
        for name, agg in stats.items():
            med, dev = agg["median"], agg["stddev"]
            unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[med["time_unit"]]
            extra = []
            if "bytes_per_second" in med:
                extra.append(f"{med['bytes_per_second'] / 1e6:.0f} MB/s")
            if "items_per_second" in med:
                extra.append(f"{med['items_per_second']:.0f} items/s")
            rows.append((os.path.basename(binary), name, med["real_time"] * unit,
                         dev["real_time"] * unit, ", ".join(extra)))
    return rows


def info_lookup(build, runs):
    """`ec2 -i` against boto3 and /usr/bin/aws doing the same lookup on one emulator."""
    with tempfile.TemporaryDirectory() as home, harness.Emulator(
            os.path.join(build, "tools", "emulator", "ec2-emulator"), "--transition-scale", "0") as emu:
        env = harness.hermetic_env(home)
        env.update({"EC2_KEY_DIR": os.path.join(home, "keys"),
                    "EC2_CHECKIP_URL": emu.url + "/_emulator/checkip"})
        ec2 = os.path.join(build, "tools", "ec2", "ec2")
        harness.timed_run([ec2, "--endpoint-url", emu.url], env)
        script = os.path.join(home, "lookup.py")
        with open(script, "w") as f:
            f.write(BOTO3_LOOKUP)
        aws = ["/usr/bin/aws", "ec2", "describe-instances", "--endpoint-url", emu.url,
               "--filters", "Name=key-name,Values=ec2.py",
               "Name=instance-state-name,Values=pending,running,stopping,stopped",
               "--query", "Reservations[].Instances[].PublicDnsName", "--output", "text"]
        return harness.side_by_side({
            "ec2 -i": harness.Tool([ec2, "-i", "--endpoint-url", emu.url], env, runs),
            "boto3": harness.Tool(["/usr/bin/python3", script, emu.url], env, runs),
            "aws cli": harness.Tool(aws, env, runs),
        })


def inventory_at(build, size, runs, plugin_budget, predicted):
    """ec2-inventory vs the aws_ec2 plugin vs a plain page download, for one fleet size. The plugin
    runs as often as `plugin_budget` seconds allow at `predicted` seconds a run (0: unknown, found
    by one run first)."""
    with tempfile.TemporaryDirectory() as home, harness.Emulator(
            os.path.join(build, "tools", "emulator", "ec2-emulator"), "--seed-instances", str(size),
            "--seed-regions", ",".join(REGIONS)) as emu:
        env = harness.hermetic_env(home)
        config = os.path.join(home, "bench.aws_ec2.yml")
        with open(config, "w") as f:
            f.write("plugin: amazon.aws.aws_ec2\nregions:\n" + "".join(f"  - {r}\n" for r in REGIONS)
                    + f"endpoint_url: {emu.url}\n")
        plugin_config = os.path.join(home, "plugin.aws_ec2.yml")
        with open(plugin_config, "w") as f:
            f.write("plugin: amazon.aws.aws_ec2\nregions:\n" + "".join(f"  - {r}\n" for r in REGIONS))
        inventory = os.path.join(build, "tools", "inventory", "ec2-inventory")
        tools = {
            "ec2-inventory": harness.Tool([inventory, "--config", config, "--list"], env, runs),
            "download": harness.Tool([os.path.join(build, "bench", "download_pages"), emu.url, ",".join(REGIONS)],
                                     env, runs),
        }
        if plugin_budget > 0:
            plugin = ["/usr/bin/ansible-inventory", "-i", plugin_config, "--list"]
            penv = dict(env, PYTHONPATH=PYHOOK, EC2_TEST_ENDPOINT_URL=emu.url)
            each = predicted or harness.timed_run(plugin, penv).seconds
            plugin_runs = max(1, min(runs, int(plugin_budget // max(each, 1e-3))))
            tools["plugin"] = harness.Tool(plugin, penv, plugin_runs, peak=True)
        result = harness.side_by_side(tools, server=emu)
        result.setdefault("plugin", None)
        result["parts"] = inventory_parts(build, emu, env, home, config, runs) if size == PARTS_SIZE else None
        return result


def inventory_parts(build, emu, env, home, config, runs):
    """The parts of one `--list` run timed one by one on one core (bench/inventory_parts.cc)."""
    listed = os.path.join(home, "list.json")
    with open(listed, "wb") as f:
        f.write(harness.timed_run([os.path.join(build, "tools", "inventory", "ec2-inventory"), "--config", config,
                                   "--list"], env).stdout)
    out = subprocess.run([os.path.join(build, "bench", "inventory_parts"), emu.url, ",".join(REGIONS), config,
                          listed, str(runs)], env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def emulator_http(build, runs):
    """DescribeInstances of 1,000 instances over HTTP (round trip) and requests/second of a small
    action, both from signed keep-alive connections (bench/emulator_load.cc)."""
    load = os.path.join(build, "bench", "emulator_load")
    with tempfile.TemporaryDirectory() as home, harness.Emulator(
            os.path.join(build, "tools", "emulator", "ec2-emulator"), "--seed-instances", "1000") as emu:
        env = harness.hermetic_env(home)
        out = subprocess.run([load, emu.url, "describe", str(max(runs, 20))], env=env, check=True,
                             capture_output=True, text=True).stdout
        describe = json.loads(out)
        rates = [json.loads(subprocess.run([load, emu.url, "rate", "3", str(connections)], env=env, check=True,
                                           capture_output=True, text=True).stdout)
                 for connections in (1, 4)]
    return {"describe": harness.summary(describe["seconds"]), "bytes": describe["bytes"],
            "rate": {c: r["requests_per_second"] for c, r in zip((1, 4), rates)}}


def ratio(a, b):
    return f"{b['median'] / a['median']:.1f}×" if a and b else "–"


def micro_value(micro, binary, name):
    """(median seconds, throughput text) of one micro-benchmark row, or None."""
    for row in micro:
        if row[0] == binary and row[1] == name:
            return row[2], row[4]
    return None


def goals(micro, info, http, inventory):
    """Each goal the issues set, with the measured figure and whether it is met."""
    rows = []
    sign = micro_value(micro, "sigv4_bench", "BM_SignDescribeInstances")
    if sign:
        rows.append(("SigV4 signing of a typical EC2 request", "≤ 2 µs", harness.fmt_seconds(sign[0]),
                     sign[0] <= 2e-6))
    parse = micro_value(micro, "parse_bench", "BM_DescribeInstances1000")
    if parse:
        mbps = float(parse[1].split(" MB/s")[0]) if "MB/s" in parse[1] else 0
        rows.append(("Parsing a 1,000-instance DescribeInstances page", "≥ 300 MB/s", f"{mbps:.0f} MB/s",
                     mbps >= 300))
    server = micro_value(micro, "emulator_bench", "BM_DescribeInstances1000")
    if server:
        rows.append(("Emulator server time, DescribeInstances of 1,000 instances", "≤ 20 ms",
                     harness.fmt_seconds(server[0]), server[0] <= 0.020))
    rows.append(("Emulator round trip over HTTP, 1,000 instances", "(no goal)",
                 harness.fmt_seconds(http["describe"]["median"]), None))
    speedup = info["boto3"]["median"] / info["ec2 -i"]["median"]
    rows.append(("`ec2 -i` against the same lookup with boto3", "≥ 40× faster", f"{speedup:.1f}×", speedup >= 40))
    ten = inventory.get(10000)
    if ten:
        ours, plugin, dl = ten["ec2-inventory"], ten["plugin"], ten["download"]
        if plugin:
            fast = plugin["median"] / ours["median"]
            rows.append(("Inventory, 10,000 instances / 4 regions, against the aws_ec2 plugin", "≥ 100× faster",
                         f"{fast:.0f}×", fast >= 100))
            mem = ours["peak_mib"] / plugin["peak_mib"]
            rows.append(("Inventory peak memory against the plugin's", "≤ 1/10", f"1/{1 / mem:.1f}",
                         mem <= 0.1))
        slow = ours["median"] / dl["median"]
        rows.append(("Inventory time against a plain download of the same pages", "(no goal)", f"{slow:.2f}×",
                     None))
    return rows


def write_report(path, micro, info, http, inventory, skipped, runs, plugin_limit, multi):
    lines = ["# Benchmarks", "",
             "Measured by `make bench` (`bench/compare.py`) in one run, on "
             f"{platform.node() or 'this machine'} ({os.cpu_count()} cores, {platform.machine()}), "
             f"against one `ec2-emulator` per scenario on 127.0.0.1. Times are medians of {runs} runs "
             "with (min–max); the tools compared with each other run in turn, one run of each per round, "
             "so a drift in the machine's speed weighs on them alike; ratios compare medians. Peak memory "
             "is the largest resident set GNU time reports for two further runs (for the plugin, for its "
             "timed runs).", "",
             "## Goals", "", "| what | goal | measured | met |", "| --- | --- | --- | --- |"]
    for what, goal, measured, met in goals(micro, info, http, inventory):
        lines.append(f"| {what} | {goal} | {measured} | {'–' if met is None else 'yes' if met else '**no**'} |")
    lines += ["", "## Micro-benchmarks", "", "| binary | benchmark | median | stddev | throughput |",
             "| --- | --- | --- | --- | --- |"]
    for binary, name, med, dev, extra in micro:
        lines.append(f"| {binary} | `{name}` | {harness.fmt_seconds(med)} | {harness.fmt_seconds(dev)} | {extra} |")
    lines += ["", "## ec2-emulator over HTTP", "",
              "Signed requests on keep-alive connections from `bench/emulator_load` (client and server share "
              "the machine's cores).", "",
              "| measurement | result |", "| --- | --- |",
              f"| DescribeInstances, 1,000 instances ({http['bytes'] / 1e6:.1f} MB), round trip | "
              f"{harness.fmt_cell(http['describe'])} |"]
    for connections, rps in http["rate"].items():
        lines.append(f"| DescribeAvailabilityZones, {connections} connection(s) | {rps:,.0f} requests/s |")
    lines += ["", "## `ec2 -i` against the same lookup with boto3 and the AWS CLI", "",
              "| tool | wall time | peak memory | `ec2 -i` is faster by |", "| --- | --- | --- | --- |"]
    for tool, r in info.items():
        lines.append(f"| {tool} | {harness.fmt_cell(r)} | {r['peak_mib']:.1f} MiB | {ratio(info['ec2 -i'], r)} |")
    lines += ["", f"## Inventory `--list` over {len(REGIONS)} regions", "",
              "| instances | ec2-inventory | aws_ec2 plugin | plain download | plugin ÷ ours | ours ÷ download "
              "| memory: ours / plugin / download |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for size, r in inventory.items():
        ours, plugin, dl = r["ec2-inventory"], r["plugin"], r["download"]
        mem = " / ".join(f"{x['peak_mib']:.0f} MiB" if x else "–" for x in (ours, plugin, dl))
        lines.append(f"| {size:,} | {harness.fmt_cell(ours)} | {harness.fmt_cell(plugin)} | "
                     f"{harness.fmt_cell(dl)} | {ratio(ours, plugin)} | "
                     f"{ours['median'] / dl['median']:.2f} | {mem} |")
    for size in skipped:
        lines.append(f"\nThe plugin was not run at {size:,} instances: extrapolated from the smaller "
                     f"fleet it would take more than the limit of {plugin_limit:.0f} s.")
    lines += ["", "![Inventory time against fleet size](inventory-scaling.png)", ""]
    if inventory.get(PARTS_SIZE, {}).get("parts"):
        lines += parts_lines(inventory[PARTS_SIZE], runs)
    lines += accounts.report_lines(multi)
    with open(path, "w") as f:
        f.write("\n".join(lines))


def parts_lines(result, runs):
    """The section on where one `--list` run goes."""
    p, ours, dl = result["parts"], result["ec2-inventory"], result["download"]
    fixed = p["download_cpu_ms"] + p["parse_ms"] + p["pack_ms"] + p["unpack_ms"] + p["write_ms"]
    walk = p["prepare_ms"] - p["pack_ms"]
    total = fixed + walk
    lines = [f"## Where a {PARTS_SIZE:,}-instance `--list` goes", "",
             "Each part timed on its own on one core with the inventory's own code (`bench/inventory_parts`, "
             f"medians of {runs}), beside the CPU time (user + system, all threads) of the whole runs above and "
             "of the emulator serving them.", "",
             "| part | CPU |", "| --- | --- |",
             f"| downloading the {p['pages']} pages ({p['xml_bytes'] / 1e6:.1f} MB), as the plain download does | "
             f"{p['download_cpu_ms']:.0f} ms |",
             f"| parsing them (libec2, in place) | {p['parse_ms']:.0f} ms |",
             f"| per instance: variables written as `--list` text, host names | {walk:.0f} ms |",
             f"| packing the texts ({p['list_bytes'] / 1e6:.0f} MB to {p['packed_bytes'] / 1e6:.1f} MB) | "
             f"{p['pack_ms']:.0f} ms |",
             f"| unpacking them for `--list` | {p['unpack_ms']:.0f} ms |",
             f"| writing the output to a file | {p['write_ms']:.0f} ms |",
             f"| sum | {total:.0f} ms |", "",
             "| whole run | wall | CPU | emulator CPU |", "| --- | --- | --- | --- |"]
    for name, r in (("ec2-inventory --list", ours), ("plain download", dl)):
        lines.append(f"| {name} | {r['median'] * 1e3:.0f} ms | {r['cpu'] * 1e3:.0f} ms | {r['server_cpu'] * 1e3:.0f} ms |")
    lines.append("")
    return lines


def plot(path, inventory):
    data = path + ".dat"
    with open(data, "w") as f:
        for size, r in inventory.items():
            plugin = r["plugin"]["median"] if r["plugin"] else "NaN"
            f.write(f"{size} {r['ec2-inventory']['median']} {plugin} {r['download']['median']}\n")
    script = (f"set terminal png size 800,500 noenhanced; set output '{path}'; set logscale xy; "
              "set xrange [700:140000]; "
              "set xlabel 'instances'; set ylabel 'seconds (median)'; set key left top; set grid; "
              f"plot '{data}' using 1:2 with linespoints title 'ec2-inventory', "
              f"'' using 1:3 with linespoints title 'aws_ec2 plugin', "
              f"'' using 1:4 with linespoints title 'plain download'")
    subprocess.run(["gnuplot", "-e", script], check=True)
    os.unlink(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--plugin-limit", type=float, default=300.0,
                        help="skip the plugin where one run would take longer (seconds)")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    micro = micro_benchmarks(build, args.runs)
    info = info_lookup(build, args.runs)
    http = emulator_http(build, args.runs)
    inventory, skipped, last_plugin = {}, [], None
    for size in [int(s) for s in args.sizes.split(",")]:
        predicted = last_plugin[1] * size / last_plugin[0] if last_plugin else 0
        budget = args.plugin_limit if predicted <= args.plugin_limit else 0
        if budget == 0:
            skipped.append(size)
        inventory[size] = inventory_at(build, size, args.runs, budget, predicted)
        if inventory[size]["plugin"]:
            last_plugin = (size, inventory[size]["plugin"]["median"])
        print(f"inventory at {size}: done", file=sys.stderr)
    multi = accounts.run(build, args.runs)
    print("inventory over accounts: done", file=sys.stderr)
    docs = os.path.join(ROOT, "docs")
    write_report(os.path.join(docs, "benchmarks.md"), micro, info, http, inventory, skipped, args.runs,
                 args.plugin_limit, multi)
    plot(os.path.join(docs, "inventory-scaling.png"), inventory)
    print(open(os.path.join(docs, "benchmarks.md")).read())


if __name__ == "__main__":
    main()
