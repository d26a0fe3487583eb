#!/usr/bin/python3
"""Times variants of ec2-inventory side by side on the fleets `make bench` uses: builds of the
inventory with a piece of it changed or turned off, or one build under different environment
variables. Each round runs every variant once (a drift in the machine's speed weighs on all alike),
in an order rotated from round to round (so that no variant always runs first), every run under
GNU time for its peak memory; every variant's output must equal the first's.

Usage: bench/variants.py BUILD_DIR [--sizes 10000,100000] [--runs N] NAME=BINARY[,VAR=VALUE...] ...
Prints a Markdown table and the summaries as JSON (stderr). Used for docs/inventory.md, "What the
inventory's pieces are measured to give".
"""
import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402
import harness  # noqa: E402


def parse_variant(spec):
    """NAME=BINARY[,VAR=VALUE...] → (name, binary, extra environment)."""
    name, rest = spec.split("=", 1)
    binary, *settings = rest.split(",")
    return name, os.path.abspath(binary), dict(s.split("=", 1) for s in settings)


def measure(build, size, runs, variants):
    """name → {median, min, max, cpu, peak_mib} for one fleet size."""
    with tempfile.TemporaryDirectory() as home, harness.Emulator(
            os.path.join(build, "tools", "emulator", "ec2-emulator"), "--seed-instances", str(size),
            "--seed-regions", ",".join(compare.REGIONS)) as emu:
        env = harness.hermetic_env(home)
        config = os.path.join(home, "bench.aws_ec2.yml")
        with open(config, "w") as f:
            f.write("plugin: amazon.aws.aws_ec2\nregions:\n" + "".join(f"  - {r}\n" for r in compare.REGIONS)
                    + f"endpoint_url: {emu.url}\n")
        done = {name: [] for name, _, _ in variants}
        digests = {}
        for i in range(runs):
            for name, binary, extra in variants[i % len(variants):] + variants[:i % len(variants)]:
                run = harness.timed_run([binary, "--config", config, "--list"], dict(env, **extra), peak=True)
                done[name].append(run)
                digests.setdefault(name, hashlib.sha256(run.stdout).hexdigest())
        first = variants[0][0]
        for name, digest in digests.items():
            if digest != digests[first]:
                raise RuntimeError(f"{name}: output differs from {first}'s at {size} instances")
        return {name: {"median": statistics.median(r.seconds for r in rs), "min": min(r.seconds for r in rs),
                       "max": max(r.seconds for r in rs), "cpu": statistics.median(r.cpu for r in rs),
                       "peak_mib": statistics.median(r.peak_mib for r in rs)}
                for name, rs in done.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("variants", nargs="+", help="NAME=BINARY[,VAR=VALUE...]; the first is the baseline")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    variants = [parse_variant(v) for v in args.variants]
    results = {int(s): measure(build, int(s), args.runs, variants) for s in args.sizes.split(",")}
    print(json.dumps(results, indent=1), file=sys.stderr)
    base = variants[0][0]
    print(f"| variant | instances | wall (median of {args.runs}, min–max) | vs {base} | CPU | vs {base} "
          f"| peak memory | vs {base} |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, r in results.items():
        for name, _, _ in variants:
            v, b = r[name], r[base]
            print(f"| {name} | {size:,} | {harness.fmt_cell(v)} | {100 * (v['median'] / b['median'] - 1):+.1f}% "
                  f"| {harness.fmt_seconds(v['cpu'])} | {100 * (v['cpu'] / b['cpu'] - 1):+.1f}% | {v['peak_mib']:.0f} MiB "
                  f"| {100 * (v['peak_mib'] / b['peak_mib'] - 1):+.1f}% |")


if __name__ == "__main__":
    main()
