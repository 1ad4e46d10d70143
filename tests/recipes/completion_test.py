#!/usr/bin/env python3
"""The completion scripts of `ato-sync completion bash|zsh|fish` offer every
command and every flag that --help lists: bash's and fish's are run by the
shells themselves, zsh's is loaded by zsh and checked per command.
Usage: completion_test.py ATO_SYNC"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from help_flags import command_flags, commands, global_flags

binary = sys.argv[1]
folder = Path(tempfile.mkdtemp(prefix="ato-completion-"))
(folder / "plan.json").write_text("{}")
(folder / "results").mkdir()
results = []
commands_offered = commands(binary)
globals_offered = [flag for flag in global_flags(binary) if flag != "--version"]


def test(function):
    try:
        function()
        results.append((function.__name__, None))
    except AssertionError as error:
        results.append((function.__name__, str(error) or "assertion failed"))
    return function


def script(shell):
    path = folder / f"ato-sync.{shell}"
    path.write_text(subprocess.run([binary, "completion", shell], capture_output=True, text=True, check=True).stdout)
    return path


def bash_complete(*words):
    """What bash offers for `ato-sync WORDS...` (the last word is the one being completed)."""
    words = ["ato-sync", *words]
    array = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = (f"source {script('bash')}; complete -p ato-sync >/dev/null || exit 3; "
               f"COMP_WORDS=({array}); COMP_CWORD={len(words) - 1}; COMP_LINE='{' '.join(words)}'; "
               "_ato_sync; printf '%s\\n' \"${COMPREPLY[@]}\"")
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], cwd=folder, capture_output=True,
                            text=True)
    assert result.returncode == 0, f"bash: {result.returncode} {result.stderr}"
    return set(result.stdout.split())


def fish_complete(line):
    result = subprocess.run(["fish", "--no-config", "-c", f"source {script('fish')}; complete -C '{line}'"],
                            cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr, f"fish: {result.stderr}"
    return {entry.split("\t")[0] for entry in result.stdout.splitlines()}


def missing(expected, offered):
    return sorted(set(expected) - set(offered))


@test
def bash_offers_every_command_and_global_flag():
    offered = bash_complete("")
    assert len(commands_offered) >= 8, commands_offered
    assert not missing(commands_offered + globals_offered + ["--version"], offered), missing(
        commands_offered + globals_offered + ["--version"], offered)


@test
def bash_offers_every_flag_of_every_command():
    for command in commands_offered:
        expected = command_flags(binary, command) + globals_offered
        offered = bash_complete(command, "-")
        assert not missing(expected, offered), f"{command}: {missing(expected, offered)}"


@test
def bash_completes_values_and_finds_the_command_after_global_flags():
    assert bash_complete("ids", "--format", "") == {"json", "csv"}
    assert bash_complete("plan", "--refresh", "=", "") == {"full"}
    assert bash_complete("--config", "x.yaml", "plan", "--js") == {"--json"}
    assert "plan.json" in bash_complete("show", "pl")
    assert bash_complete("coverage", "--results", "") == {"results"}


@test
def fish_offers_every_command_and_every_flag_of_every_command():
    assert not missing(commands_offered, fish_complete("ato-sync ")), missing(commands_offered,
                                                                               fish_complete("ato-sync "))
    for command in commands_offered:
        expected = command_flags(binary, command) + globals_offered
        offered = fish_complete(f"ato-sync {command} -")
        assert not missing(expected, offered), f"{command}: {missing(expected, offered)}"


@test
def fish_completes_values():
    assert fish_complete("ato-sync ids --format ") == {"json", "csv"}
    assert "plan.json" in fish_complete("ato-sync show pl")


@test
def zsh_loads_the_script_and_registers_it():
    program = (f"autoload -U compinit && compinit -u -D && source {script('zsh')} && "
               "print -r -- ${_comps[ato-sync]}")
    result = subprocess.run(["zsh", "-f", "-c", program], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "_ato-sync", f"zsh: {result.stdout} {result.stderr}"


ZSH_TERMINAL = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; ato-sync() { }; \
bindkey '^I' complete-word; echo READY\$((6*7))"
zpty -r z out '*READY42*'
zpty -w -n z $'ato-sync plan --de\t'
zpty -r z out '*plan --detailed-exitcode*' && print completed-flag
zpty -w -n z $'\C-u'
zpty -w -n z $'ato-sync ids --format c\t'
zpty -r z out '*--format csv*' && print completed-value
zpty -d z
"""


@test
def zsh_completes_a_flag_and_a_value_in_a_terminal():
    functions = folder / "zsh-functions"
    functions.mkdir(exist_ok=True)
    shutil.copy(script("zsh"), functions / "_ato-sync")
    (folder / "terminal.zsh").write_text(ZSH_TERMINAL)
    # Each read waits for what the completion must produce; `timeout` ends a wait that never ends.
    result = subprocess.run(["timeout", "60", "zsh", "-f", str(folder / "terminal.zsh"), str(functions)],
                            cwd=folder, capture_output=True, text=True)
    assert result.stdout.split() == ["completed-flag", "completed-value"], f"zsh: {result.stdout} {result.stderr}"


@test
def zsh_offers_every_command_and_every_flag_of_every_command():
    text = script("zsh").read_text()
    listed = re.findall(r"^        '([\w-]+):", text, re.M)
    assert not missing(commands_offered, listed), missing(commands_offered, listed)
    specs = re.findall(r"^\s+'\*?(-[\w-]+)[=\[]", text, re.M)
    global_specs = re.search(r"global_flags=\(\n(.*?)\n  \)", text, re.S).group(1)
    assert not missing(globals_offered, re.findall(r"'\*?(-[\w-]+)[=\[]", global_specs)), global_specs
    for command in commands_offered:
        block = re.search(rf"^        {re.escape(command)}\)\n(.*?);;", text, re.S | re.M)
        assert block, f"no case for {command}"
        offered = re.findall(r"'\*?(-[\w-]+)[=\[]", block.group(1))
        assert "$global_flags" in block.group(1), f"{command}: without the global flags"
        assert not missing(command_flags(binary, command), offered), f"{command}: {missing(command_flags(binary, command), offered)}"
    assert specs


for name, error in results:
    print(("ok   " if error is None else "FAIL ") + name + ("" if error is None else "\n" + error))
failed = sum(1 for _, error in results if error)
print(f"{len(results) - failed} passed, {failed} failed")
shutil.rmtree(folder, ignore_errors=True)
sys.exit(1 if failed else 0)
