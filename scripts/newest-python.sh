#!/usr/bin/env bash
# Prints the newest Python (3.11 or later) on this machine that actually runs, so the suite can be run on it
# as well as on the default python3: the README promises 3.11+, and Debian 13's python3 is 3.13.
# Looks on PATH (python3.11 ... python3.19) and in pyenv's versions, whose shims fail for inactive versions.
set -uo pipefail
candidates=()
for minor in $(seq 19 -1 11); do
    command -v "python3.$minor" >/dev/null 2>&1 && candidates+=("$(command -v "python3.$minor")")
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for exe in "$root"/versions/3.*/bin/python3; do [ -x "$exe" ] && candidates+=("$exe"); done
best="" best_version=0
for exe in "${candidates[@]}"; do
    version=$("$exe" -c 'import sys; print(sys.version_info[0] * 100 + sys.version_info[1])' 2>/dev/null) || continue
    [ "$version" -ge 311 ] && [ "$version" -gt "$best_version" ] && { best=$exe; best_version=$version; }
done
[ -n "$best" ] || { echo "no Python 3.11+ found" >&2; exit 1; }
echo "$best"
