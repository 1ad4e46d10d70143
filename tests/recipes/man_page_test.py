#!/usr/bin/env python3
"""ato-sync(1), built by help2man from the help text, renders without groff
warnings and documents every command and every flag that --help lists.
Usage: man_page_test.py ATO_SYNC MAN_PAGE"""
import os
import re
import subprocess
import sys

from help_flags import command_flags, commands, global_flags

binary, page = sys.argv[1], sys.argv[2]
results = []


def check(name, problem):
    results.append((name, problem))


lint = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True, text=True)
check("renders_without_groff_warnings", lint.stderr.strip() or None)

# help2man tells an option from its help by two spaces; with one, the help lands in the tag.
roff = open(page).read().splitlines()
tags = [roff[i + 1] for i, line in enumerate(roff[:-1]) if line in (".TP", ".HP")]
merged = [tag for tag in tags if "  " in tag.replace("\\-", "-")]
check("option_tags_hold_only_the_option", f"help inside the tag: {merged}" if merged else None)

rendered = subprocess.run(["man", "-l", page], capture_output=True, text=True,
                          env=os.environ | {"MANWIDTH": "200", "MAN_KEEP_FORMATTING": "", "PAGER": "cat"})
text = re.sub(r".\x08", "", rendered.stdout)
sections = re.findall(r"^([A-Z][A-Z ]+)$", text, re.M)
wanted = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES"]
check("has_the_usual_sections", None if all(s in sections for s in wanted) else f"sections: {sections}")
check("names_the_program", None if re.search(r"^\s+ato-sync - Allure TestOps", text, re.M) else text[:400])

commands_section = text[text.find("\nCOMMANDS\n"):]
missing = [c for c in commands(binary) if not re.search(rf"^\s+{re.escape(c)}$", commands_section, re.M)]
check("has_a_subsection_per_command", f"no subsection for {missing}" if missing else None)

missing = [f for f in global_flags(binary) if f not in text[text.find("\nOPTIONS\n"):text.find("\nCOMMANDS\n")]]
check("lists_every_global_flag_under_options", f"missing {missing}" if missing else None)

problems = []
names = commands(binary)
for i, command in enumerate(names):
    start = re.search(rf"^\s+{re.escape(command)}$", commands_section, re.M)
    end = re.search(rf"^\s+{re.escape(names[i + 1])}$", commands_section, re.M) if i + 1 < len(names) else None
    if not start:
        continue
    part = commands_section[start.end():end.start() if end else len(commands_section)]
    problems += [f"{command} {flag}" for flag in command_flags(binary, command)
                 if not re.search(rf"(^|[\s,]){re.escape(flag)}\b", part)]
check("documents_every_flag_of_every_command", f"missing: {problems}" if problems else None)

for name, problem in results:
    print(("ok   " if problem is None else "FAIL ") + name + ("" if problem is None else "\n" + problem))
failed = sum(1 for _, problem in results if problem)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
