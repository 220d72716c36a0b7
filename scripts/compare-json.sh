#!/usr/bin/env bash
# Compares `tanji calc --json` of every example, in both languages, with the output of another
# build of the tool: `scripts/compare-json.sh OLD.jar` (e.g. a jar built from main). The JSON is a
# contract, so an unchanged example must give the same bytes. Exit 0 when every file is identical.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="${1:?usage: scripts/compare-json.sh OLD.jar}"
new="$here/tanji-cli/target/tanji.jar"
status=0
for f in "$here"/examples/*.yaml; do
  for lang in zh en; do
    a="$(java -jar "$old" calc "$f" --json --lang "$lang" 2>/dev/null || true)"
    b="$(java -jar "$new" calc "$f" --json --lang "$lang" 2>/dev/null || true)"
    if [[ "$a" == "$b" ]]; then
      echo "same      $(basename "$f") ($lang)"
    else
      echo "DIFFERENT $(basename "$f") ($lang)"
      diff <(echo "$a") <(echo "$b") | head -20 || true
      status=1
    fi
  done
done
exit $status
