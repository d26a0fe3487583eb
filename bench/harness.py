"""Helpers for the whole-tool benchmarks: an emulator on a free port, timed runs with peak memory,
and summaries. Used by bench/compare.py; runs with Debian's /usr/bin/python3."""
import collections
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

Run = collections.namedtuple("Run", "seconds peak_mib stdout cpu")


class TimedOut(Exception):
    """A timed run was stopped when it reached its time limit (the `seconds` attribute)."""

    def __init__(self, cmd, seconds):
        super().__init__(f"{' '.join(cmd)} was stopped after {seconds:.0f} s")
        self.seconds = seconds


def hermetic_env(home, region="us-east-1"):
    """Environment with the emulator's test credentials and no user configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "HOME": home,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": region,
        "AWS_CONFIG_FILE": os.path.join(home, "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "aws-credentials"),
        "AWS_PAGER": "",
    })
    return env


class Emulator:
    """ec2-emulator on 127.0.0.1 and a free port; stopped on exit of the `with` block."""

    def __init__(self, binary, *args):
        self.binary = binary
        self.args = list(args)
        self.proc = None
        self.url = None

    def __enter__(self):
        self.dir = tempfile.TemporaryDirectory()
        port_file = os.path.join(self.dir.name, "port")
        self.proc = subprocess.Popen(
            [self.binary, "--host", "127.0.0.1", "--port", "0", "--port-file", port_file, *self.args],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 300
        while time.time() < deadline:
            if os.path.exists(port_file) and open(port_file).read().strip():
                self.url = "http://127.0.0.1:" + open(port_file).read().strip()
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"ec2-emulator exited with {self.proc.returncode}")
            time.sleep(0.05)
        raise RuntimeError("ec2-emulator did not start")

    def cpu_seconds(self):
        """CPU time (user + system) the emulator has used so far, in clock ticks' resolution."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.dir.cleanup()


def timed_run(cmd, env, cwd=None, peak=False, timeout=None):
    """Runs `cmd`; returns a Run: wall seconds, peak RSS in MiB (or None), stdout and CPU seconds
    (user + system, all threads, from wait4). Fails on a non-zero exit; with `timeout` (seconds),
    stops the command and everything it started at that time and raises TimedOut.

    With `peak`, the command runs under GNU time, which reports its peak: this process's wait4
    cannot, because a child forked from Python starts with Python's own resident set as its
    high-water mark (Linux keeps it across exec), so every tool would seem at least as large as
    this harness. Without `peak` nothing stands between the command and the clock."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as peak_file:
        wrapped = ["/usr/bin/time", "-f", "%M", "-o", peak_file.name, *cmd] if peak else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, env=env, cwd=cwd, stdout=out, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, _stop_group, (proc.pid,)) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if timer:
            timer.cancel()
            if seconds >= timeout:
                raise TimedOut(cmd, timeout)
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {err.read().decode(errors='replace')[-2000:]}")
        mib = int(peak_file.read().split()[-1]) / 1024.0 if peak else None
        return Run(seconds, mib, out.read(), usage.ru_utime + usage.ru_stime)


def _stop_group(pgid):
    """Kills process group `pgid`: a command stopped at its limit, and everything it started."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


Tool = collections.namedtuple("Tool", "cmd env runs peak", defaults=(False,))
Tool.__doc__ = """A command to measure: run `runs` times; with `peak`, every run is under GNU time (for a
slow tool whose runs are too few to spare two more), else two further runs are."""


def side_by_side(tools, server=None):
    """Measures the commands of `tools` (name → Tool) in rounds: each round runs every tool once,
    so a drift in the machine's speed (a VM's may move by a third over minutes) weighs on all of
    them alike and their ratios compare like with like. With `server` (an Emulator), also the CPU
    time it spent per run of each tool. Returns name → summary dict."""
    done = {name: [] for name in tools}
    server_cpu = dict.fromkeys(tools, 0.0)
    for i in range(max(t.runs for t in tools.values())):
        for name, tool in tools.items():
            if i >= tool.runs:
                continue
            before = server.cpu_seconds() if server else 0.0
            done[name].append(timed_run(tool.cmd, tool.env, peak=tool.peak))
            if server:
                server_cpu[name] += server.cpu_seconds() - before
    out = {}
    for name, tool in tools.items():
        runs = done[name]
        peaks = ([r.peak_mib for r in runs] if tool.peak
                 else [timed_run(tool.cmd, tool.env, peak=True).peak_mib for _ in range(2)])
        out[name] = summary([r.seconds for r in runs], peaks, [r.cpu for r in runs],
                            server_cpu[name] / len(runs) if server else None)
    return out


def summary(times, peaks=None, cpus=None, server_cpu=None):
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": len(times),
        "peak_mib": max(peaks) if peaks else None,
        "cpu": statistics.median(cpus) if cpus else None,
        "server_cpu": server_cpu,
    }


def fmt_seconds(s):
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def fmt_cell(result):
    """`median (min–max)` for a summary dict."""
    if result is None:
        return "skipped"
    return f"{fmt_seconds(result['median'])} ({fmt_seconds(result['min'])}–{fmt_seconds(result['max'])})"
