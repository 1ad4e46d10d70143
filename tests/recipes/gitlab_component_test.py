#!/usr/bin/env python3
"""Runs the job of templates/ato-sync.yml as a GitLab runner would, against
the bundled emulator over 127.0.0.1: the inputs interpolated, the job's
variables set, before_script and script in one bash with the CI_ variables,
ato-sync cloned from a local repository and its build folder restored from
the cache (as GitLab's cache would), then the dotenv outputs and the plan
artifacts checked. Usage: gitlab_component_test.py ATO_SYNC ATO_EMULATOR SOURCE_DIR"""
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

binary, emulator_binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
source = Path(sys.argv[3]).resolve()
token = "tok-" + secrets.token_hex(12)
root = Path(tempfile.mkdtemp(prefix="ato-component-"))
results = []

header, jobs = yaml.safe_load_all((source / "templates/ato-sync.yml").read_text())
spec_inputs = header["spec"]["inputs"]


def start_emulator():
    process = subprocess.Popen([emulator_binary, "--port", "0", "--exit-with-stdin", "--token", token],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if "ato-emulator listening on " in line:
            return process, line.strip().rsplit(" ", 1)[1]
    raise RuntimeError("ato-emulator did not start")


def ato_sync_repository():
    """A git repository of these sources, for the job to clone (as it would clone ato-sync's)."""
    repository = root / "ato-sync.git"
    shutil.copytree(source, repository, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if folder == str(source) and
                                                  (n.startswith("build") or n in (".git", "tests", "bench"))])
    git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@localhost"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "sources"]):
        subprocess.run(git + command, check=True)
    return repository


emulator, base_url = start_emulator()
repository = ato_sync_repository()
key = subprocess.run([repository / "scripts/ci/build-key"], capture_output=True, text=True, check=True).stdout.strip()


def interpolate(node, values):
    """As GitLab includes a component: inputs replace $[[ ]] inside the strings of the parsed YAML."""
    if isinstance(node, str):
        return re.sub(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]", lambda m: values[m.group(1)], node)
    if isinstance(node, dict):
        return {interpolate(k, values): interpolate(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [interpolate(v, values) for v in node]
    return node


def run_job(name, files, inputs):
    project = root / name
    for relative, text in files.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_text(text)
    values = {k: str((v or {}).get("default", "")) for k, v in spec_inputs.items()}
    values |= {"repository": f"file://{repository}", "version": "main"} | inputs
    (job,) = interpolate(jobs, values).values()
    # GitLab's cache restores the build folder that an earlier pipeline left.
    build = project / ".ato-sync-build"
    (build / "src").mkdir(parents=True)
    (build / "src/ato-sync").symlink_to(binary)
    (build / "ato-sync.key").write_text(key + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATO_", "ALLURE_", "CI"))}
    env |= {"CI": "true", "GITLAB_CI": "true", "CI_PROJECT_DIR": str(project), "CI_SERVER_URL": "http://127.0.0.1:9",
            "ATO_BASE": base_url, "ATO_PROJECT_ID": "1", "ATO_TOKEN": token, "NO_COLOR": "1", "HOME": str(root)}
    env |= {k: str(v) for k, v in job["variables"].items()}
    script = "\n".join(job["before_script"] + job["script"])
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=project, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240)
    dotenv_file = project / job["artifacts"]["reports"]["dotenv"]
    dotenv = dict(line.split("=", 1) for line in dotenv_file.read_text().splitlines()) if dotenv_file.exists() else {}
    return result, dotenv, project, job


def test(function):
    try:
        function()
        results.append((function.__name__, None))
    except AssertionError as error:
        results.append((function.__name__, str(error) or "assertion failed"))
    return function


CASE = "id: checkout/guest\nname: Guest checkout\nlayer: UI\nsteps:\n  - given: a cart\n  - then: an order\n"
shop = {"ato-sync.yaml": "endpoint: http://unused.invalid\nproject: 1\n", "cases/checkout/guest.yaml": CASE}
outputs = []


@test
def plan_job_writes_dotenv_outputs_and_the_plan_artifacts():
    result, dotenv, project, job = run_job("plan", shop, {"job-name": "plan:mr", "stage": "plan", "command": "plan",
                                                         "args": "--detailed-exitcode --target 'checkout/*'"})
    log = result.stdout + result.stderr
    outputs.append(log)
    assert result.returncode == 0, log
    assert dotenv.get("ATO_SYNC_EXITCODE") == "2", dotenv
    assert dotenv["ATO_SYNC_PLAN_MARKDOWN"] == str(project / ".ato-sync-out/plan.md"), dotenv
    assert "checkout/guest" in Path(dotenv["ATO_SYNC_PLAN_MARKDOWN"]).read_text()
    assert Path(dotenv["ATO_SYNC_PLAN_FILE"]).is_relative_to(project / ".ato-sync-out"), "not in the artifacts"
    assert job["stage"] == "plan", job["stage"]


@test
def apply_job_applies_the_saved_plan_in_the_working_directory():
    files = {f"services/shop/{k}": v for k, v in shop.items()}
    result, dotenv, project, _ = run_job("apply", files, {"command": "plan", "working-directory": "services/shop"})
    assert result.returncode == 0 and dotenv["ATO_SYNC_EXITCODE"] == "0", result.stdout + result.stderr
    plan = Path(dotenv["ATO_SYNC_PLAN_FILE"])
    shutil.copy(plan, root / "reviewed-plan.json")
    result, dotenv, _, _ = run_job("apply-2", files, {"command": "apply", "working-directory": "services/shop",
                                                      "args": str(root / "reviewed-plan.json")})
    outputs.append(result.stdout + result.stderr)
    assert result.returncode == 0 and dotenv["ATO_SYNC_EXITCODE"] == "0", result.stdout + result.stderr
    assert dotenv["ATO_SYNC_PLAN_MARKDOWN"] == "", dotenv


@test
def a_failing_command_fails_the_job_with_exitcode_1():
    result, dotenv, _, _ = run_job("broken", {"ato-sync.yaml": "projekt: 1\n"}, {"command": "validate"})
    outputs.append(result.stdout + result.stderr)
    assert result.returncode == 1 and dotenv.get("ATO_SYNC_EXITCODE") == "1", result.stdout + result.stderr


@test
def the_token_is_never_printed():
    assert outputs and not any(token in log for log in outputs)


emulator.stdin.close()
emulator.wait(timeout=30)
for name, error in results:
    print(("ok   " if error is None else "FAIL ") + name + ("" if error is None else "\n" + error))
failed = sum(1 for _, error in results if error)
print(f"{len(results) - failed} passed, {failed} failed")
shutil.rmtree(root, ignore_errors=True) if not failed else print(f"left for a look: {root}")
sys.exit(1 if failed else 0)
