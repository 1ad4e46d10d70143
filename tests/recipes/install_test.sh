#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed binary.
set -euo pipefail
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
for f in bin/ato-sync bin/ato-emulator share/ato-sync/schema/case.schema.json \
         share/ato-sync/schema/config.schema.json share/bash-completion/completions/ato-sync; do
  [ -e "$prefix/$f" ] || { echo "missing after install: $f"; echo "0 passed, 1 failed"; exit 1; }
done
version=$("$prefix/bin/ato-sync" --version)
case "$version" in
  "ato-sync "[0-9]*) echo "installed: $version"; echo "1 passed, 0 failed" ;;
  *) echo "unexpected --version output: $version"; echo "0 passed, 1 failed"; exit 1 ;;
esac
bash -n "$prefix/share/bash-completion/completions/ato-sync"
