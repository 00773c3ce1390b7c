#!/usr/bin/env bash
# Installs the system libraries Qt needs (and a font with Vietnamese glyphs) when they are missing.
# Python wheels carry Qt itself but not libEGL/libGL/fontconfig; a bare Debian has none of them.
set -euo pipefail

needed=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1 || needed+=(libegl1)
have_lib libGL.so.1 || needed+=(libgl1)
have_lib libfontconfig.so.1 || needed+=(libfontconfig1)
have_lib libxkbcommon.so.0 || needed+=(libxkbcommon0)
have_lib libglib-2.0.so.0 || needed+=(libglib2.0-0)
have_lib libdbus-1.so.3 || needed+=(libdbus-1-3)
fc-list 2>/dev/null | grep -qi dejavu || needed+=(fonts-dejavu-core)

[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages for Qt: ${needed[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    echo "Installing system packages for Qt (sudo): ${needed[*]}"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
else
    echo "Missing system packages for Qt: ${needed[*]} - install them with your package manager." >&2
    exit 1
fi
