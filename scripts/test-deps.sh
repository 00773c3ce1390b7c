#!/usr/bin/env bash
# What the tests need beyond Python packages: a real X server with a window manager (the end-to-end tests
# start the app on a display, as a person would, not only offscreen) and xdotool to type into it.
set -euo pipefail
needed=()
command -v Xvfb >/dev/null || needed+=(xvfb)
command -v xdotool >/dev/null || needed+=(xdotool)
command -v openbox >/dev/null || needed+=(openbox)
command -v xwd >/dev/null || needed+=(x11-apps)
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing test tools: ${needed[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    echo "Installing test tools (sudo): ${needed[*]}"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
else
    echo "Missing test tools: ${needed[*]}; the tests that need a display will be skipped." >&2
fi
