#!/usr/bin/env python3
"""ato-sync reliability runs (SPEC.md §5, §8) at 1,000 cases against the emulator.

faults:       apply under 10% 503s, rate limiting and 5% writes dropped after
              they were done, re-run until it succeeds; then again after
              renaming 10% of the cases.
interruption: apply killed (SIGKILL and SIGINT in turn) ten times at random
              moments, with 10% of the cases renamed halfway; then one more apply.
concurrent:   two CI jobs at once, each with its own checkout, at 20 ms
              latency (10 ms jitter): two `apply --auto-approve` started
              together on the new cases, then again after renaming 10%;
              and, on a fresh emulator, one saved plan applied by both at once.
              Duplicates the two runs created must be healed (reported as
              "Healed duplicate") and none left.

Each ends with the faults off, a plan that must say "No changes", and a count
of the live cases per identity tag: duplicates and missing cases must be 0.
Prints one table; changes nothing outside a temporary folder.

    bench/run_reliability.py [--build build] [--cases 1000] [--seed 1] [--only faults|interruption|concurrent]
"""
import argparse
import collections
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import ROOT, Emulator, make_repo  # noqa: E402

TOKEN = "emulator-token"


def live_cases_per_identity(emulator):
    """{external id: number of live cases carrying its identity tag}"""
    query = urllib.parse.urlencode({"projectId": 1, "size": 100000, "rql": "id > 0"})
    request = urllib.request.Request(f"{emulator.url}/api/testcase/__search?{query}",
                                     headers={"Authorization": f"Api-Token {TOKEN}"})
    with urllib.request.urlopen(request) as answer:
        page = json.loads(answer.read())
    counts = collections.Counter()
    for case in page["content"]:
        for tag in case["tags"]:
            if tag["name"].startswith("ato-sync:"):
                counts[tag["name"][len("ato-sync:"):]] += 1
    return counts


def rename_some(repo, share, rng):
    files = sorted((repo / "cases").rglob("*.yaml"))
    for f in rng.sample(files, int(len(files) * share)):
        f.write_text(f.read_text().replace("scenario number", "renamed scenario number", 1))


def verify(emulator, ato, repo, env, n):
    emulator.admin("/__emulator/faults", {"fail_rate": 0, "rate_limit": 0, "drop_after_write": 0, "latency_ms": 0})
    plan = subprocess.run([str(ato), "plan"], cwd=repo, env=env, capture_output=True, text=True)
    counts = live_cases_per_identity(emulator)
    duplicates = sum(c - 1 for c in counts.values() if c > 1)
    missing = n - len(counts)
    clean = plan.returncode == 0 and plan.stdout.startswith("No changes.")
    return clean, duplicates, missing


class Run:
    def __init__(self, build, n, seed, emulator_args):
        self.ato = build / "src/ato-sync"
        self.n = n
        self.repo = Path(tempfile.mkdtemp(prefix="ato-reliability-"))
        make_repo(self.repo, n)
        self.emulator = Emulator(build, ["--seed", str(seed), *emulator_args])
        self.env = dict(os.environ, ATO_BASE=self.emulator.url, ATO_PROJECT_ID="1", ATO_TOKEN=TOKEN, NO_COLOR="1")
        self.rng = random.Random(seed)

    def apply(self):
        return subprocess.run([str(self.ato), "apply", "--auto-approve"], cwd=self.repo, env=self.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode

    def apply_until_done(self, limit=10):
        for attempt in range(1, limit + 1):
            if self.apply() == 0:
                return attempt
        return None

    def finish(self):
        try:
            return verify(self.emulator, self.ato, self.repo, self.env, self.n)
        finally:
            self.emulator.stop()
            shutil.rmtree(self.repo, ignore_errors=True)


def fault_run(build, n, seed):
    run = Run(build, n, seed, ["--latency-ms", "5", "--fail-rate", "0.1", "--rate-limit", "300",
                               "--drop-after-write", "0.05"])
    start = time.monotonic()
    create_runs = run.apply_until_done()
    rename_some(run.repo, 0.1, run.rng)
    update_runs = run.apply_until_done()
    seconds = time.monotonic() - start
    stats = run.emulator.admin("/__emulator/stats")
    clean, duplicates, missing = run.finish()
    return ("faults: 10% 503, 300 req/s limit, 5% dropped writes",
            f"{create_runs} + {update_runs}", stats["total"], seconds, clean, duplicates, missing)


def interruption_run(build, n, seed):
    run = Run(build, n, seed, ["--latency-ms", "5"])
    start = time.monotonic()
    for kill in range(10):
        if kill == 5:
            rename_some(run.repo, 0.1, run.rng)
        before = run.emulator.admin("/__emulator/stats")["total"]
        target = before + run.rng.randrange(50, 400)
        child = subprocess.Popen([str(run.ato), "apply", "--auto-approve"], cwd=run.repo, env=run.env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Poll the emulator's request count (no sleeping) until the kill moment.
        while child.poll() is None and run.emulator.admin("/__emulator/stats")["total"] < target:
            pass
        child.send_signal(signal.SIGKILL if kill % 2 else signal.SIGINT)
        child.wait()
    final_runs = run.apply_until_done()
    seconds = time.monotonic() - start
    stats = run.emulator.admin("/__emulator/stats")
    clean, duplicates, missing = run.finish()
    return ("interruption: 10 kills (SIGINT, SIGKILL) mid-apply", f"10 killed + {final_runs}", stats["total"],
            seconds, clean, duplicates, missing)


def both_at_once(ato, repos, env, args):
    """Starts `ato-sync args` in each checkout at once; returns their exit codes and stdout."""
    children = [subprocess.Popen([str(ato), *args], cwd=repo, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True) for repo in repos]
    outs = [child.communicate()[0] for child in children]
    return [child.returncode for child in children], outs


def healed_count(outs):
    return sum(out.count("Healed duplicate:") for out in outs)


def concurrent_run(build, n, seed, saved_plan):
    run = Run(build, n, seed, ["--latency-ms", "20", "--jitter-ms", "10"])
    other = Path(tempfile.mkdtemp(prefix="ato-reliability-"))
    shutil.copytree(run.repo, other, dirs_exist_ok=True)
    repos = [run.repo, other]
    start = time.monotonic()
    healed = 0
    ok = True
    try:
        if saved_plan:
            subprocess.run([str(run.ato), "plan", "-out", "plan.json"], cwd=run.repo, env=run.env, check=True,
                           stdout=subprocess.DEVNULL)
            shutil.copy(run.repo / "plan.json", other / "plan.json")
            codes, outs = both_at_once(run.ato, repos, run.env, ["apply", "plan.json"])
            # One that starts after the other's creates finds its plan stale and applies nothing.
            ok = all(code in (0, 1) for code in codes) and 0 in codes
            healed += healed_count(outs)
        else:
            for rename in (False, True):
                if rename:
                    rng_state = run.rng.getstate()
                    for repo in repos:
                        run.rng.setstate(rng_state)  # the same 10% in both checkouts
                        rename_some(repo, 0.1, run.rng)
                codes, outs = both_at_once(run.ato, repos, run.env, ["apply", "--auto-approve"])
                ok = ok and codes == [0, 0]
                healed += healed_count(outs)
        seconds = time.monotonic() - start
        stats = run.emulator.admin("/__emulator/stats")
        verify(run.emulator, run.ato, other, run.env, n)  # the second checkout plans clean too
        clean, duplicates, missing = run.finish()
    finally:
        shutil.rmtree(other, ignore_errors=True)
    what = "one saved plan applied by both" if saved_plan else "apply --auto-approve, then 10% renamed"
    return (f"concurrent: two runs at once ({what}); {healed} \"Healed duplicate\" lines",
            "2 at once" if saved_plan else "2 + 2 at once", stats["total"], seconds, clean and ok, duplicates, missing)


RUNS = {
    "faults": lambda build, n, seed: [fault_run(build, n, seed)],
    "interruption": lambda build, n, seed: [interruption_run(build, n, seed)],
    "concurrent": lambda build, n, seed: [concurrent_run(build, n, seed, False), concurrent_run(build, n, seed, True)],
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=sorted(RUNS), help="run only this one")
    args = parser.parse_args()
    build = Path(args.build)
    rows = [row for name, runs in RUNS.items() if args.only in (None, name)
            for row in runs(build, args.cases, args.seed)]
    print(f"{args.cases} cases, seed {args.seed}, {os.cpu_count()} cores")
    print("| run | applies | requests | wall s | next plan clean | duplicates | missing |")
    print("|---|---:|---:|---:|---|---:|---:|")
    for label, applies, requests, seconds, clean, duplicates, missing in rows:
        print(f"| {label} | {applies} | {requests} | {seconds:.1f} | {'yes' if clean else 'NO'} | {duplicates} | {missing} |")
    if not all(clean and duplicates == 0 and missing == 0 for _, _, _, _, clean, duplicates, missing in rows):
        sys.exit("reliability run FAILED")


if __name__ == "__main__":
    main()
