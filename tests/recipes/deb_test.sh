#!/usr/bin/env bash
# The .deb that cpack makes holds the binaries, the man page and the
# completion for bash, zsh and fish, where Debian's tools look for them.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$out" && cpack --config "$build_dir/CPackConfig.cmake" -B "$out" > cpack.log 2>&1) ||
  { cat "$out/cpack.log"; echo "0 passed, 1 failed"; exit 1; }
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
failed=0
for f in usr/bin/ato-sync usr/share/man/man1/ato-sync.1 usr/share/bash-completion/completions/ato-sync \
         usr/share/zsh/vendor-completions/_ato-sync usr/share/fish/vendor_completions.d/ato-sync.fish; do
  if ! grep -q " \./$f\(\.gz\)\?$" <<< "$contents"; then echo "not in $(basename "$deb"): $f"; failed=1; fi
done
echo "$((1 - failed)) passed, $failed failed"
exit "$failed"
