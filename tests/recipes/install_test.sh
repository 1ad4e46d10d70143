#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed binary;
# the installed completion scripts are the ones the binary generates.
set -euo pipefail
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
for f in bin/ato-sync bin/ato-emulator share/ato-sync/schema/case.schema.json \
         share/ato-sync/schema/config.schema.json share/bash-completion/completions/ato-sync \
         share/zsh/vendor-completions/_ato-sync share/fish/vendor_completions.d/ato-sync.fish \
         share/man/man1/ato-sync.1; do
  [ -e "$prefix/$f" ] || fail "missing after install: $f"
done
version=$("$prefix/bin/ato-sync" --version)
case "$version" in
  "ato-sync "[0-9]*) echo "installed: $version" ;;
  *) fail "unexpected --version output: $version" ;;
esac
bash -n "$prefix/share/bash-completion/completions/ato-sync"
"$prefix/bin/ato-sync" completion bash | cmp -s - "$prefix/share/bash-completion/completions/ato-sync" ||
  fail "the installed bash completion is not what 'ato-sync completion bash' prints"
"$prefix/bin/ato-sync" completion zsh | cmp -s - "$prefix/share/zsh/vendor-completions/_ato-sync" ||
  fail "the installed zsh completion is not what 'ato-sync completion zsh' prints"
"$prefix/bin/ato-sync" completion fish | cmp -s - "$prefix/share/fish/vendor_completions.d/ato-sync.fish" ||
  fail "the installed fish completion is not what 'ato-sync completion fish' prints"
MANPATH="$prefix/share/man" man -w ato-sync > /dev/null || fail "man does not find ato-sync(1) in the prefix"
echo "1 passed, 0 failed"
