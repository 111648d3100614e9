#!/usr/bin/env bash
# Lighthouse (mobile emulation, the default) scores for pages of a running site. Run by hand:
#   make serve &   bench/lighthouse.sh http://127.0.0.1:8000 / /accessibilite/
# Installs Lighthouse into a temporary folder (it is not a project dependency) and uses Debian's
# Chromium. Lighthouse does not audit a document answered with an error status (e.g. a 404 page).
set -euo pipefail
base=${1:?usage: bench/lighthouse.sh BASE_URL PATH...}
shift
tool=$(mktemp -d)
npm install --silent --no-audit --no-fund --prefix "$tool" lighthouse@12 > /dev/null
for path in "$@"; do
  CHROME_PATH=/usr/bin/chromium "$tool/node_modules/.bin/lighthouse" "$base$path" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$tool/report.json" > /dev/null
  python3 - "$path" "$tool/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[2]))
scores = {k: round(v["score"] * 100) for k, v in report["categories"].items() if v["score"] is not None}
print(f"{sys.argv[1]:<30} {scores}")
PY
done
rm -rf "$tool"
