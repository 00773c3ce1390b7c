#!/usr/bin/env bash
# Installs the system libraries Qt needs (and a font with Vietnamese glyphs) when they are missing.
# Python wheels carry Qt itself but not libEGL/libGL/fontconfig or the X11 (xcb) libraries a real display needs;
# a bare Debian has none of them. Without the xcb ones `make run` dies on a desktop with "could not load the Qt
# platform plugin xcb", while offscreen tests pass.
#   scripts/system-deps.sh            before the virtualenv: the libraries Qt is known to need
#   scripts/system-deps.sh VENV       after it: also whatever `ldd` says the xcb plugin itself still lacks
set -euo pipefail

needed=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
want() { have_lib "$1" || needed+=("$2"); }
want libEGL.so.1 libegl1
want libGL.so.1 libgl1
want libfontconfig.so.1 libfontconfig1
want libxkbcommon.so.0 libxkbcommon0
want libglib-2.0.so.0 libglib2.0-0
want libdbus-1.so.3 libdbus-1-3
# The xcb platform plugin: linked libraries, plus libxcb-cursor which Qt >= 6.5 opens at run time (ldd can't see it).
want libX11-xcb.so.1 libx11-xcb1
want libxkbcommon-x11.so.0 libxkbcommon-x11-0
want libxcb-cursor.so.0 libxcb-cursor0
want libxcb-icccm.so.4 libxcb-icccm4
want libxcb-image.so.0 libxcb-image0
want libxcb-keysyms.so.1 libxcb-keysyms1
want libxcb-randr.so.0 libxcb-randr0
want libxcb-render-util.so.0 libxcb-render-util0
want libxcb-shape.so.0 libxcb-shape0
want libxcb-xinerama.so.0 libxcb-xinerama0
want libxcb-xkb.so.1 libxcb-xkb1
want libxcb-xfixes.so.0 libxcb-xfixes0
want libxcb-sync.so.1 libxcb-sync1
want libxcb-shm.so.0 libxcb-shm0
want libxcb-util.so.1 libxcb-util1
fc-list 2>/dev/null | grep -qi dejavu || needed+=(fonts-dejavu-core)

# Debian names a library package after its soname: libfoo-bar.so.1 -> libfoo-bar1, libfoo2.so.0 -> libfoo2-0.
package_of() {
    local base=${1%%.so.*} major=${1##*.so.}
    base=${base,,}
    major=${major%%.*}
    if [[ $base =~ [0-9]$ ]]; then echo "$base-$major"; else echo "$base$major"; fi
}

if [ $# -ge 1 ]; then
    for plugin in "$1"/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so; do
        [ -e "$plugin" ] || continue
        for lib in $(ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u); do
            needed+=("$(package_of "$lib")")
        done
    done
fi

[ ${#needed[@]} -eq 0 ] && exit 0
mapfile -t needed < <(printf '%s\n' "${needed[@]}" | sort -u)
exec bash "$(dirname "$0")/apt-install.sh" "system packages for Qt" "${needed[@]}"
