#!/usr/bin/env bash
# What the tests need beyond Python packages: a real X server with a window manager (the end-to-end tests
# start the app on a display, as a person would, not only offscreen) and xdotool to type into it; poppler's
# pdftoppm and pdftotext to read an exported PDF back (tests/ui/test_map_export.py); a headless Chromium to load
# the public product pages as a phone would (tests/public/test_in_chromium.py).
set -euo pipefail
needed=()
command -v Xvfb >/dev/null || needed+=(xvfb)
command -v xdotool >/dev/null || needed+=(xdotool)
command -v openbox >/dev/null || needed+=(openbox)
command -v xwd >/dev/null || needed+=(x11-apps)
command -v xwininfo >/dev/null || needed+=(x11-utils)  # the app's frame, in the end-to-end test
command -v pdftoppm >/dev/null || needed+=(poppler-utils)
command -v chromium >/dev/null || needed+=(chromium)
[ ${#needed[@]} -eq 0 ] && exit 0
bash "$(dirname "$0")/apt-install.sh" "test tools" "${needed[@]}" \
    || echo "The tests that need a display will be skipped." >&2
