#!/usr/bin/env bash
# Re-extracts every interface string into resources/translations/ocop_en.ts (existing English kept).
# Sources are Vietnamese; module helpers named _t("...") are extracted like tr("...") (empty context).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(find ocop_desktop -name '*.py' | sort)
# shellcheck disable=SC2086
.venv/bin/pyside6-lupdate $files -tr-function-alias tr+=_t -source-language vi_VN -target-language en_US \
    -no-obsolete -locations none -ts resources/translations/ocop_en.ts
