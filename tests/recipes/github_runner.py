"""Runs the steps of a composite GitHub Action the way the runner does, for
tests: each `run:` script with `bash --noprofile --norc -eo pipefail`, in its
working-directory, with GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP and the
other variables GitHub sets, and the step's `env:` evaluated. `uses:` steps
are not run: the caller says what they do (a cache that hits or misses).
Only the expressions the action needs are known; any other is an error, so
that the test cannot pass over something it does not understand."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Job:
    """One job of a workflow: the runner's folders and what steps leave for later ones."""

    def __init__(self, root, workspace, env):
        self.workspace = Path(workspace)
        self.runner_temp = Path(root) / "runner-temp"
        self.runner_temp.mkdir(parents=True, exist_ok=True)
        self.github_path = Path(root) / "github-path"
        self.github_path.touch()
        self.github_env = Path(root) / "github-env"
        self.github_env.touch()
        self.env = dict(env)
        self.logs = []  # (step name, exit code, stdout + stderr) of every step run
        self.files = []  # every file a step wrote its outputs to
        self.steps_run = 0

    def path(self):
        added = [line for line in self.github_path.read_text().splitlines() if line]
        return ":".join(list(reversed(added)) + [os.environ["PATH"]])


class ActionRun:
    def __init__(self, action_dir, job, inputs, cache_hit_dir=None):
        self.action_dir = Path(action_dir)
        self.action = yaml.safe_load((self.action_dir / "action.yml").read_text())
        self.job = job
        declared = self.action.get("inputs", {})
        unknown = set(inputs) - set(declared)
        if unknown:
            raise ValueError(f"the action has no input {sorted(unknown)}")
        self.inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()} | inputs
        self.cache_hit_dir = cache_hit_dir  # restored into the cache's path; None: a miss
        self.step_outputs = {}
        self.cache_steps = []  # (path, key) of every cache step that ran
        self.failed_step = None

    def value(self, expression):
        if expression.startswith("inputs."):
            return self.inputs[expression[len("inputs."):]]
        if expression == "runner.temp":
            return str(self.job.runner_temp)
        if expression == "github.action_path":
            return str(self.action_dir)
        match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        if match:
            return self.step_outputs.get(match.group(1), {}).get(match.group(2), "")
        raise ValueError(f"unknown expression: {expression}")

    def evaluate(self, text):
        return EXPRESSION.sub(lambda m: self.value(m.group(1)), str(text))

    def condition(self, text):
        """`if:` as the action writes it: one comparison with a literal."""
        match = re.fullmatch(r"(\S+)\s*(==|!=)\s*'([^']*)'", text.strip())
        if not match:
            raise ValueError(f"unknown condition: {text}")
        equal = self.value(match.group(1)) == match.group(3)
        return equal if match.group(2) == "==" else not equal

    def run(self):
        for step in self.action["runs"]["steps"]:
            if "if" in step and not self.condition(step["if"]):
                continue
            if "uses" in step:
                self.uses(step)
            else:
                code = self.run_script(step)
                if code != 0:
                    self.failed_step = step.get("name")
                    break
        return {name: self.evaluate(spec["value"]) for name, spec in self.action.get("outputs", {}).items()}

    def uses(self, step):
        if not step["uses"].startswith("actions/cache@"):
            raise ValueError(f"no stand-in for {step['uses']}")
        path, key = self.evaluate(step["with"]["path"]), self.evaluate(step["with"]["key"])
        self.cache_steps.append((path, key))
        if self.cache_hit_dir:
            shutil.copytree(self.cache_hit_dir, path, symlinks=True, dirs_exist_ok=True)

    def run_script(self, step):
        job = self.job
        job.steps_run += 1
        output_file = job.runner_temp.parent / f"github-output-{job.steps_run}"
        output_file.touch()
        job.files.append(output_file)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ATO_", "ALLURE_", "GITHUB_", "RUNNER_"))}
        env.pop("NO_COLOR", None)
        env |= {
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_ACTION_PATH": str(self.action_dir),
            "GITHUB_WORKSPACE": str(job.workspace),
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_PATH": str(job.github_path),
            "GITHUB_ENV": str(job.github_env),
            "RUNNER_TEMP": str(job.runner_temp),
            "RUNNER_OS": "Linux",
            "HOME": str(job.runner_temp.parent),
        }
        env |= job.env
        env |= {name: self.evaluate(value) for name, value in step.get("env", {}).items()}
        env["PATH"] = job.path()
        cwd = job.workspace / self.evaluate(step.get("working-directory", "."))
        script = job.runner_temp / f"step-{job.steps_run}.sh"
        script.write_text(step["run"])
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=cwd, env=env,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240)
        job.logs.append((step.get("name", ""), result.returncode, result.stdout + result.stderr))
        if "id" in step:
            self.step_outputs[step["id"]] = parse_outputs(output_file.read_text())
        return result.returncode


def parse_outputs(text):
    """`name=value` lines, and `name<<DELIMITER` blocks."""
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for more in lines:
                if more == delimiter:
                    break
                block.append(more)
            outputs[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs
