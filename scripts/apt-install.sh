#!/usr/bin/env bash
# Installs Debian packages as root, through sudo, or says what to install: shared by the setup scripts.
#   scripts/apt-install.sh WHAT PACKAGE...     (WHAT names the need in the messages; exits 1 when it cannot install)
set -euo pipefail
what=$1
shift
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing $what: $*"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    echo "Installing $what (sudo): $*"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
else
    echo "Missing $what: $* - install them with your package manager." >&2
    exit 1
fi
