#!/usr/bin/env python3
"""Runs the shell steps of action.yml as the GitHub runner would (see
github_runner.py) against the bundled emulator over 127.0.0.1: plan with
outputs and a Markdown plan, apply of the saved plan, a second use in the
same job, the working directory, errors, argument splitting, a cache miss,
and that the token appears nowhere.
Usage: action_steps_test.py ATO_SYNC ATO_EMULATOR SOURCE_DIR"""
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from github_runner import ActionRun, Job

binary, emulator_binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
source = Path(sys.argv[3]).resolve()
token = "tok-" + secrets.token_hex(12)
root = Path(tempfile.mkdtemp(prefix="ato-action-"))
results = []
jobs = []

CONFIG = "endpoint: http://unused.invalid\nproject: 1\n"
CASE = "id: {id}\nname: {name}\nlayer: UI\nsteps:\n  - given: a start\n  - then: an end\n"


def start_emulator():
    process = subprocess.Popen([emulator_binary, "--port", "0", "--exit-with-stdin", "--token", token],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if "ato-emulator listening on " in line:
            return process, line.strip().rsplit(" ", 1)[1]
    raise RuntimeError("ato-emulator did not start")


emulator, base_url = start_emulator()


def test(function):
    try:
        function()
        results.append((function.__name__, None))
    except AssertionError as error:
        results.append((function.__name__, str(error) or "assertion failed"))
    return function


def workspace(name, files):
    folder = root / name
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text)
    return folder


def new_job(name, files):
    job = Job(root / f"job-{name}", workspace(f"ws-{name}", files),
              {"ATO_BASE": base_url, "ATO_PROJECT_ID": "1", "NO_COLOR": "1"})
    jobs.append(job)
    return job


def restored_cache(key_of_run):
    """A build folder as actions/cache restores it: the binary and the key it was built for."""
    folder = root / f"cache-{len(list(root.glob('cache-*')))}"
    (folder / "src").mkdir(parents=True)
    (folder / "src/ato-sync").symlink_to(binary)
    (folder / "ato-sync.key").write_text(key_of_run + "\n")
    return folder


def build_key(action_dir):
    return subprocess.run([f"{action_dir}/scripts/ci/build-key"], capture_output=True, text=True,
                          check=True).stdout.strip()


def run_action(job, inputs, action_dir=source, cache=True):
    run = ActionRun(action_dir, job, inputs, restored_cache(build_key(action_dir)) if cache else None)
    outputs = run.run()
    return run, outputs


def log_of(job):
    return "\n".join(f"--- {name} (exit {code})\n{text}" for name, code, text in job.logs)


def managed_ids(job):
    """The external ids of the cases in TestOps, as `ato-sync ids` lists them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATO_", "ALLURE_"))} | job.env
    result = subprocess.run([binary, "ids", "--format", "json"], cwd=job.workspace, capture_output=True, text=True,
                            env=env | {"ATO_TOKEN": token}, check=True)
    return sorted(case["external_id"] for case in json.loads(result.stdout))


shop = {"ato-sync.yaml": CONFIG, "cases/checkout/guest.yaml": CASE.format(id="checkout/guest", name="Guest checkout"),
        "cases/account/login.yaml": CASE.format(id="account/login", name="Login")}
shop_job = new_job("shop", shop)
first_plan = {}


@test
def plan_with_changes_sets_exitcode_2_and_writes_the_markdown_plan():
    run, outputs = run_action(shop_job, {"command": "plan", "token": token,
                                         "args": "--detailed-exitcode --target 'checkout/*'"})
    first_plan.update(outputs)
    assert run.failed_step is None, f"failed at {run.failed_step}:\n{log_of(shop_job)}"
    assert outputs["exitcode"] == "2", outputs
    markdown = Path(outputs["plan-markdown"]).read_text()
    assert "checkout/guest" in markdown and "account/login" not in markdown, markdown
    assert json.loads(Path(outputs["plan-file"]).read_text())["format_version"], outputs
    assert [path for path, key in run.cache_steps] == [str(shop_job.runner_temp / "ato-sync-build")], run.cache_steps
    assert (shop_job.runner_temp / "ato-sync-bin/ato-sync").exists(), "ato-sync is not on the PATH of later steps"


@test
def a_second_use_in_the_job_reuses_the_binary_and_applies_the_saved_plan():
    run, outputs = run_action(shop_job, {"command": "apply", "args": first_plan["plan-file"], "token": token})
    assert run.failed_step is None, f"failed at {run.failed_step}:\n{log_of(shop_job)}"
    assert run.cache_steps == [], "the cache was restored again although the binary was built"
    assert outputs["exitcode"] == "0" and outputs["plan-markdown"] == "", outputs
    assert managed_ids(shop_job) == ["checkout/guest"], managed_ids(shop_job)


@test
def after_apply_the_targeted_plan_has_no_changes():
    run, outputs = run_action(shop_job, {"command": "plan", "token": token,
                                         "args": "--detailed-exitcode --target checkout/guest --verbose"})
    assert run.failed_step is None and outputs["exitcode"] == "0", f"{outputs}\n{log_of(shop_job)}"
    assert "No changes" in Path(outputs["plan-markdown"]).read_text()


@test
def the_command_runs_in_the_working_directory():
    job = new_job("mono", {"services/shop/ato-sync.yaml": CONFIG,
                           "services/shop/cases/a.yaml": CASE.format(id="a", name="A")})
    run, outputs = run_action(job, {"command": "validate", "args": "--strict", "working-directory": "services/shop"})
    assert run.failed_step is None and outputs["exitcode"] == "0", log_of(job)
    assert "(1 case): ok" in log_of(job), log_of(job)


@test
def an_error_fails_the_step_and_still_sets_exitcode_1():
    job = new_job("broken", {"ato-sync.yaml": "endpoint: http://unused.invalid\nprojekt: 1\n"})
    run, outputs = run_action(job, {"command": "plan", "token": token})
    assert run.failed_step == "Run ato-sync ${{ inputs.command }}", run.failed_step
    assert outputs["exitcode"] == "1" and outputs["plan-markdown"] == "", outputs
    assert "projekt" in log_of(job), log_of(job)


@test
def args_are_split_like_a_shell_but_nothing_is_expanded_or_run():
    job = new_job("quotes", shop)
    marker = root / "injected"
    run, outputs = run_action(job, {"command": "plan", "token": token,
                                    "args": f"-out 'my plan.json' --target \"$(touch {marker})\" --target '$HOME'"})
    assert not marker.exists(), "an argument was run as a command"
    # The targets reach ato-sync as written, and match no case: an error naming them.
    assert run.failed_step is not None and outputs["exitcode"] == "1", outputs
    assert f"--target '$(touch {marker})', '$HOME' match no case" in log_of(job), log_of(job)


@test
def an_unmatched_quote_is_an_error():
    job = new_job("unmatched", shop)
    run, outputs = run_action(job, {"command": "plan", "args": "--target 'checkout/*", "token": token})
    assert run.failed_step is not None and "unmatched quote" in log_of(job), log_of(job)


@test
def a_cache_miss_builds_only_the_binary_and_records_its_key():
    action_dir = root / "action-copy"
    shutil.copytree(source, action_dir, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if folder == str(source) and
                                                  (n.startswith("build") or n in (".git", "tests", "bench"))])
    # scripts/build stands in for the real build (minutes): it records how it was called.
    (action_dir / "scripts/build").write_text(
        "#!/usr/bin/env bash\nset -eu\necho \"$BUILD_TARGETS $*\" > \"$BUILD_DIR.args\"\n"
        f"mkdir -p \"$BUILD_DIR/src\" && ln -s {binary} \"$BUILD_DIR/src/ato-sync\"\n")
    job = new_job("miss", shop)
    run, outputs = run_action(job, {"command": "validate"}, action_dir=action_dir, cache=False)
    assert run.failed_step is None and outputs["exitcode"] == "0", log_of(job)
    build_dir = job.runner_temp / "ato-sync-build"
    called = Path(f"{build_dir}.args").read_text().split()
    assert called[0] == "ato-sync" and "-DATO_BUILD_TESTS=OFF" in called and "-DATO_WERROR=OFF" in called, called
    assert (build_dir / "ato-sync.key").read_text().strip() == run.cache_steps[0][1], "the key was not recorded"


@test
def the_token_appears_in_no_log_output_or_file():
    for job in jobs:
        texts = [log_of(job)] + [path.read_text() for path in job.files]
        texts += [path.read_text(errors="replace") for path in job.runner_temp.rglob("*") if path.is_file()]
        texts += [path.read_text(errors="replace") for path in job.workspace.rglob("*") if path.is_file()]
        assert not any(token in text for text in texts), f"the token was printed or written in job {job.workspace}"
    assert len(jobs) >= 5


emulator.stdin.close()
emulator.wait(timeout=30)
for name, error in results:
    print(("ok   " if error is None else "FAIL ") + name + ("" if error is None else "\n" + error))
failed = sum(1 for _, error in results if error)
print(f"{len(results) - failed} passed, {failed} failed")
shutil.rmtree(root, ignore_errors=True) if not failed else print(f"left for a look: {root}")
sys.exit(1 if failed else 0)
