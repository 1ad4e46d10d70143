#!/usr/bin/env python3
"""ato-sync benchmark (SPEC.md §8). Generates N realistic cases, starts the
emulator with a fixed latency, and measures validate, cold plan, warm plan,
apply of 1% edits and peak memory. Prints one table; changes nothing outside
a temporary folder.

    bench/run_bench.py [--build build] [--sizes 1000,10000] [--latency-ms 20] [--parallelism 8]
                       [--only validate|first-apply] [--repeat 1] [--source yaml|feature]

--only validate measures validate alone (no emulator); --only first-apply
measures the first apply of N new cases against an empty emulator at the
latency (floor and ratio as for the plans); --repeat N runs each
validate N times and reports the median, for a machine shared with other work.
--source feature writes the cases as Gherkin scenarios, 100 per .feature file.
--attachments gives each case one binary file (SPEC.md §8: the second apply
uploads none) and measures the first apply, the second apply, a warm and a
cold plan instead.
--shared-steps K writes K shared steps and makes every case use one or two of
them (SPEC.md §8: the warm plan makes no per-case and no per-shared-step
request; the cold plan stays within 1.5x of its floor); it measures the
first apply, the plan after it (which fills the cache), a warm plan, a cold
plan without the cache and the warm plan after it, and fails when a warm plan makes a per-case or per-shared-step
request.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def case_text(i):
    area = ["checkout", "account", "catalog", "search", "orders"][i % 5]
    return (
        f"id: {area}/case-{i:05d}\n"
        f"name: {area.title()} scenario number {i}\n"
        f"description: |\n  Checks behaviour {i} of the {area} area.\n  Second line of the description.\n"
        f"layer: {['UI', 'API', 'E2E'][i % 3]}\n"
        f"feature: {area.title()}\n"
        f"suite: Suite {i % 20}\n"
        f"tags: [{area}, regression{', smoke' if i % 7 == 0 else ''}]\n"
        f"severity: {['critical', 'normal', 'minor'][i % 3]}\n"
        + (f"issues: [JIRA:SHOP-{i}]\n" if i % 4 == 0 else "")
        + "steps:\n"
        "  - given: A signed-in customer\n"
        "    steps:\n"
        "      - Open the start page\n"
        "      - Sign in with a test account\n"
        f"  - when: The customer performs action {i}\n"
        "  - then: The result is shown\n"
        f"    expected: Result {i} is visible\n"
    )


SCENARIOS_PER_FEATURE = 100


def feature_text(first, count):
    """The same cases as case_text, as scenarios of one feature file."""
    lines = ["@regression", f"Feature: Area {first // count}", "  Background:", "    Given a signed-in customer", ""]
    for i in range(first, first + count):
        area = ["checkout", "account", "catalog", "search", "orders"][i % 5]
        tags = [f"@id:{area}/case-{i:05d}", f"@layer:{['UI', 'API', 'E2E'][i % 3]}", f"@suite:Suite-{i % 20}",
                f"@{area}", f"@severity:{['critical', 'normal', 'minor'][i % 3]}"]
        tags += ["@smoke"] if i % 7 == 0 else []
        tags += [f"@issue:JIRA:SHOP-{i}"] if i % 4 == 0 else []
        lines += ["  " + " ".join(tags),
                  f"  Scenario: {area.title()} scenario number {i}",
                  f"    Checks behaviour {i} of the {area} area.",
                  "    Second line of the description.",
                  "",
                  "    Given the start page is open",
                  f"    When the customer performs action {i}",
                  "    Then the result is shown",
                  "      | result | state   |",
                  f"      | {i:<6} | visible |",
                  ""]
    return "\n".join(lines)


ATTACHMENT_BYTES = 4096


def attachment_bytes(i):
    """A file of its own per case: PNG magic, then bytes that are not UTF-8."""
    seed = i.to_bytes(4, "big")
    body = bytes((b * 131 + k) % 256 for k, b in enumerate(seed * (ATTACHMENT_BYTES // 4)))
    return b"\x89PNG\r\n\x1a\n" + body[: ATTACHMENT_BYTES - 8]


def shared_step_text(k):
    return (f"id: common/step-{k:02d}\nname: Shared step number {k}\nsteps:\n"
            f"  - given: Shared precondition {k}\n    steps:\n      - Open page {k}\n"
            f"  - when: Shared action {k}\n    expected: Shared result {k}\n")


def uses_of(i, shared_steps):
    """Every case uses one shared step, every other case a second one."""
    first = [f"  - use: common/step-{i % shared_steps:02d}\n"]
    second = [f"  - use: common/step-{(i + 1) % shared_steps:02d}\n"] if i % 2 == 0 and shared_steps > 1 else []
    return "".join(first + second)


def make_repo(path, n, source="yaml", attachments=False, shared_steps=0):
    for k in range(shared_steps):
        folder = path / "shared-steps" / "common"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"step-{k:02d}.yaml").write_text(shared_step_text(k))
    cases = path / "cases"
    if source == "feature":
        for first in range(0, n, SCENARIOS_PER_FEATURE):
            folder = cases / f"group-{first // 500:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"cases-{first:05d}.feature").write_text(feature_text(first, min(SCENARIOS_PER_FEATURE, n - first)))
    for i in range(n if source == "yaml" else 0):
        folder = cases / f"group-{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = case_text(i)
        if attachments:
            (folder / "files").mkdir(exist_ok=True)
            (folder / "files" / f"screen-{i:05d}.png").write_bytes(attachment_bytes(i))
            text = text.replace("steps:\n", f"attachments: [files/screen-{i:05d}.png]\nsteps:\n", 1)
        if shared_steps:
            text = text.replace("steps:\n", "steps:\n" + uses_of(i, shared_steps), 1)
        (folder / f"case-{i:05d}.yaml").write_text(text)
    (path / "ato-sync.yaml").write_text(
        "endpoint: http://127.0.0.1\nproject: 1\nintegrations: {JIRA: {name: Jira}}\n"
        "guard: {max_archive: 100000, max_archive_percent: 100}\n"
    )


class Emulator:
    def __init__(self, build, extra_args=()):
        self.proc = subprocess.Popen([str(build / "src/emulator/ato-emulator"), "--port", "0", "--threads", "96",
                                      *extra_args], stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()  # the readiness line
        self.url = line.strip().split()[-1]

    def admin(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method="POST" if data or path.endswith("reset") else "GET")
        with urllib.request.urlopen(request) as answer:
            return json.loads(answer.read())

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def run(ato, args, cwd, env, parallelism=None):
    """Runs ato-sync under /usr/bin/time; returns (seconds, peak RSS in MB, exit code)."""
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "peak-kb %M", str(ato), *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - start
    if result.returncode not in (0, 2):
        sys.exit(f"ato-sync {' '.join(args)} failed:\n{result.stderr}")
    peak_kb = int(result.stderr.strip().splitlines()[-1].split()[-1])
    return seconds, peak_kb / 1024, result.returncode


def set_parallelism(repo, value):
    config = (repo / "ato-sync.yaml").read_text().split("parallelism:")[0]
    (repo / "ato-sync.yaml").write_text(config.rstrip("\n") + f"\nparallelism: {value}\n")


def measure_validate(ato, work, env, repeat):
    """Median (wall seconds, peak MB) of `validate` over `repeat` runs."""
    runs = sorted(run(ato, ["validate"], work, env)[:2] for _ in range(repeat))
    return runs[len(runs) // 2]


def measured_apply(ato, work, env, emulator, latency_ms, parallelism):
    """Runs `apply --auto-approve`; returns (seconds, requests, floor seconds, peak MB)."""
    emulator.admin("/__emulator/stats/reset", {})
    seconds, peak, _ = run(ato, ["apply", "--auto-approve"], work, env)
    requests = emulator.admin("/__emulator/stats")["total"]
    return seconds, requests, requests * latency_ms / 1000 / parallelism, peak


def bench_first_apply(n, build, latency_ms, parallelism, rows, source):
    """The first apply of n new cases, against an empty emulator at the latency."""
    ato = build / "src/ato-sync"
    work = Path(tempfile.mkdtemp(prefix="ato-bench-"))
    try:
        make_repo(work, n, source)
        env = dict(os.environ, NO_COLOR="1")
        set_parallelism(work, parallelism)
        emulator = Emulator(build, ["--latency-ms", str(latency_ms)])
        env.update(ATO_BASE=emulator.url, ATO_PROJECT_ID="1", ATO_TOKEN="emulator-token")
        seconds, requests, floor, peak = measured_apply(ato, work, env, emulator, latency_ms, parallelism)
        stats = emulator.admin("/__emulator/stats")["routes"]
        creates = stats.get("POST /api/testcase", 0)
        rows.append((n, f"first apply ({creates} creates)", seconds, requests, floor, peak))
        emulator.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench(n, build, latency_ms, parallelism, rows, only=None, repeat=1, source="yaml"):
    if only == "first-apply":
        return bench_first_apply(n, build, latency_ms, parallelism, rows, source)
    ato = build / "src/ato-sync"
    work = Path(tempfile.mkdtemp(prefix="ato-bench-"))
    try:
        make_repo(work, n, source)
        env = dict(os.environ, NO_COLOR="1")
        set_parallelism(work, 32)
        seconds, peak = measure_validate(ato, work, env, repeat)
        rows.append((n, "validate" + (f" (median of {repeat})" if repeat > 1 else ""), seconds, None, None, peak))
        if only == "validate":
            return
        emulator = Emulator(build)
        env.update(ATO_BASE=emulator.url, ATO_PROJECT_ID="1", ATO_TOKEN="emulator-token")
        run(ato, ["apply", "--auto-approve"], work, env)  # seed TestOps without latency

        emulator.admin("/__emulator/faults", {"latency_ms": latency_ms})
        for label, p in (("cold plan", parallelism), ("cold plan, sequential", 1)):
            if p == 1 and n > 2000:
                continue  # the sequential baseline is measured on the smaller sizes only
            set_parallelism(work, p)
            shutil.rmtree(work / ".ato-sync", ignore_errors=True)
            emulator.admin("/__emulator/stats/reset", {})
            seconds, peak, _ = run(ato, ["plan", "--refresh=full"], work, env)
            requests = emulator.admin("/__emulator/stats")["total"]
            rows.append((n, label, seconds, requests, requests * latency_ms / 1000 / p, peak))

        set_parallelism(work, parallelism)
        emulator.admin("/__emulator/stats/reset", {})
        seconds, peak, _ = run(ato, ["plan"], work, env)
        stats = emulator.admin("/__emulator/stats")
        overviews = stats["routes"].get("GET /api/testcase/{id}/overview", 0)
        rows.append((n, f"warm plan ({overviews} overviews)", seconds, stats["total"],
                     stats["total"] * latency_ms / 1000 / parallelism, peak))

        edits = max(1, n // 100)
        if source == "feature":
            # The first `edits` scenarios, in the first files.
            left = edits
            for f in sorted((work / "cases").rglob("*.feature")):
                text = f.read_text()
                count = min(left, text.count("the result is shown"))
                f.write_text(text.replace("the result is shown", "the new result is shown", count))
                left -= count
                if not left:
                    break
        else:
            files = sorted((work / "cases").rglob("*.yaml"))[:edits]
            for f in files:
                f.write_text(f.read_text().replace("The result is shown", "The new result is shown"))
        emulator.admin("/__emulator/stats/reset", {})
        seconds, peak, _ = run(ato, ["apply", "--auto-approve"], work, env)
        stats = emulator.admin("/__emulator/stats")
        writes = sum(v for k, v in stats["routes"].items() if not k.startswith("GET") and "oauth" not in k)
        rows.append((n, f"apply {edits} edits ({writes / edits:.1f} writes/change)", seconds, stats["total"],
                     stats["total"] * latency_ms / 1000 / parallelism, peak))
        emulator.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def attachment_requests(stats):
    routes = stats["routes"]
    uploads = routes.get("POST /api/testcase/attachment", 0) + routes.get("PUT /api/testcase/attachment/{id}/content", 0)
    return uploads, routes.get("GET /api/testcase/attachment/{id}/content", 0)


class LatencyRun:
    """A repository of n cases in a temporary folder and an emulator at the latency; `measured` runs one
    ato-sync command and adds its row, labelled with what `describe(stats)` says of its requests."""

    def __init__(self, n, build, latency_ms, parallelism, rows, **repo):
        self.n, self.latency_ms, self.parallelism, self.rows = n, latency_ms, parallelism, rows
        self.ato = build / "src/ato-sync"
        self.work = Path(tempfile.mkdtemp(prefix="ato-bench-"))
        make_repo(self.work, n, "yaml", **repo)
        set_parallelism(self.work, parallelism)
        self.env = dict(os.environ, NO_COLOR="1")
        self.emulator = Emulator(build, ["--latency-ms", str(latency_ms)])
        self.env.update(ATO_BASE=self.emulator.url, ATO_PROJECT_ID="1", ATO_TOKEN="emulator-token")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.emulator.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def measured(self, label, args, describe):
        self.emulator.admin("/__emulator/stats/reset", {})
        seconds, peak, _ = run(self.ato, args, self.work, self.env)
        stats = self.emulator.admin("/__emulator/stats")
        detail, result = describe(stats)
        self.rows.append((self.n, f"{label} ({detail})", seconds, stats["total"],
                          stats["total"] * self.latency_ms / 1000 / self.parallelism, peak))
        return result

    def forget_cache(self):
        shutil.rmtree(self.work / ".ato-sync", ignore_errors=True)


def bench_attachments(n, build, latency_ms, parallelism, rows):
    """First apply, second apply, warm and cold plan of n cases with one attachment each."""
    def describe(stats):
        uploads, downloads = attachment_requests(stats)
        return f"{uploads} uploads, {downloads} downloads", uploads

    with LatencyRun(n, build, latency_ms, parallelism, rows, attachments=True) as bench_run:
        bench_run.measured("first apply, 1 attachment per case", ["apply", "--auto-approve"], describe)
        second = bench_run.measured("second apply", ["apply", "--auto-approve"], describe)
        bench_run.measured("warm plan", ["plan"], describe)
        bench_run.forget_cache()
        bench_run.measured("cold plan, no cache", ["plan"], describe)
        bench_run.measured("warm plan after the cold one", ["plan"], describe)
    if second:
        sys.exit(f"the second apply uploaded {second} attachments; it must upload none")


FAILURES = []  # targets missed: reported after the table, and the exit code is 1

PER_CASE_ROUTES = ("GET /api/testcase/{id}/overview", "GET /api/testcase/{id}/step", "GET /api/testcase/{id}/relation")
PER_SHARED_STEP_ROUTES = ("GET /api/sharedstep/{id}/step", "GET /api/sharedstep/{id}/usage", "GET /api/sharedstep/{id}")


def bench_shared_steps(n, shared_steps, build, latency_ms, parallelism, rows):
    """First apply, warm plan, cold plan and warm plan again of n cases using shared_steps shared steps."""
    def describe(stats):
        routes = stats["routes"]
        per_case = sum(routes.get(r, 0) for r in PER_CASE_ROUTES)
        per_shared = sum(routes.get(r, 0) for r in PER_SHARED_STEP_ROUTES)
        listings = routes.get("GET /api/sharedstep", 0)
        return (f"{per_case} per-case, {per_shared} per-shared-step reads, {listings} shared step listings",
                (per_case + per_shared, routes))

    with LatencyRun(n, build, latency_ms, parallelism, rows, shared_steps=shared_steps) as bench_run:
        bench_run.measured(f"first apply, {shared_steps} shared steps", ["apply", "--auto-approve"], describe)
        bench_run.measured("first plan after it (fills the cache)", ["plan"], describe)
        warm, warm_routes = bench_run.measured("warm plan", ["plan"], describe)
        bench_run.forget_cache()
        bench_run.measured("cold plan, no cache", ["plan", "--refresh=full"], describe)
        again, _ = bench_run.measured("warm plan after the cold one", ["plan"], describe)
    print("warm plan routes: " + ", ".join(f"{k} {v}" for k, v in sorted(warm_routes.items())))
    if warm or again:
        FAILURES.append(f"a warm plan made {warm or again} per-case or per-shared-step requests; it must make none")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--latency-ms", type=int, default=20)
    parser.add_argument("--parallelism", type=int, default=8)
    parser.add_argument("--only", choices=["validate", "first-apply"],
                        help="measure only this (validate needs no emulator)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of validate per size; the median is reported")
    parser.add_argument("--source", choices=["yaml", "feature"], default="yaml", help="write the cases as YAML or Gherkin")
    parser.add_argument("--attachments", action="store_true", help="one attachment per case: applies and plans")
    parser.add_argument("--shared-steps", type=int, default=0, metavar="K",
                        help="K shared steps, each case using one or two: applies and plans")
    args = parser.parse_args()
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        if args.attachments:
            bench_attachments(n, Path(args.build), args.latency_ms, args.parallelism, rows)
            continue
        if args.shared_steps:
            bench_shared_steps(n, args.shared_steps, Path(args.build), args.latency_ms, args.parallelism, rows)
            continue
        bench(n, Path(args.build), args.latency_ms, args.parallelism, rows, args.only, max(1, args.repeat), args.source)
    if args.source != "yaml":
        print(f"cases in {args.source} files")
    if args.attachments:
        print(f"one attachment of {ATTACHMENT_BYTES} bytes per case")
    if args.shared_steps:
        print(f"{args.shared_steps} shared steps; every case uses one, every other case two")
    if args.only == "validate":
        print(f"{args.only} only, {os.cpu_count()} cores")
    else:
        print(f"latency {args.latency_ms} ms, parallelism {args.parallelism}, {os.cpu_count()} cores")
    print(f"| cases | measurement | wall s | requests | floor s | ratio | peak MB |")
    print(f"|---:|---|---:|---:|---:|---:|---:|")
    for n, label, seconds, requests, floor, peak in rows:
        ratio = f"{seconds / floor:.2f}" if floor else ""
        print(f"| {n} | {label} | {seconds:.2f} | {requests if requests is not None else ''} | "
              f"{floor:.2f} | {ratio} | {peak:.0f} |" if floor is not None else
              f"| {n} | {label} | {seconds:.2f} | | | | {'' if peak is None else f'{peak:.0f}'} |")
    if FAILURES:
        sys.exit("\n".join(FAILURES))


if __name__ == "__main__":
    main()
