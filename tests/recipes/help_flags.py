"""What `ato-sync --help` and `ato-sync COMMAND --help` offer: the commands,
the global flags and each command's flags (every spelling), for the tests of
what is generated from them (completion, the man page)."""
import re
import subprocess


def help_text(binary, *args):
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True, check=True).stdout


def section(text, title):
    """The indented lines under `title:` up to the next blank line."""
    match = re.search(rf"^{re.escape(title)}:\n((?:  .*\n)+)", text, re.M)
    return match.group(1) if match else ""


def spellings(lines):
    """`  -out, --out FILE   help` -> ["-out", "--out"], for every line."""
    flags = []
    for line in lines.splitlines():
        left = re.split(r"\s{2,}", line.strip())[0]
        flags += [word.split(" ")[0] for word in left.split(", ") if word.startswith("-")]
    return flags


def commands(binary):
    return re.findall(r"^  ([a-z][\w-]*)\s", section(help_text(binary), "Commands"), re.M)


def global_flags(binary):
    return spellings(section(help_text(binary), "Global flags"))


def command_flags(binary, command):
    return spellings(section(help_text(binary, command), "Options"))
