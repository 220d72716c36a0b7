#!/usr/bin/env bash
# scripts/report-pages.sh — writes the report of a study and renders every PDF page to a PNG, so
# that a person can look at the pages (layout, charts, Chinese text) without a PDF viewer.
#
# Usage: scripts/report-pages.sh [STUDY] [--lang zh|en]    default: examples/seed-003-steel-balls.yaml
# Output: target/report-pages/<study>.{html,docx,pdf} and target/report-pages/<study>-NN.png
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
study="${1:-examples/seed-003-steel-balls.yaml}"
shift || true
out=target/report-pages
mkdir -p "$out"
./tanji report "$study" -o "$out" "$@"
base="$(basename "${study%.*}")"
java -cp tanji-cli/target/tanji.jar scripts/PdfPages.java "$out/$base.pdf" "$out" "${DPI:-80}"
