#!/bin/sh
# Derives the input-handling fixtures of test/pdf from one small PDF with qpdf:
#   encrypted-user.pdf   needs the user password "user"        → pdf_encrypted
#   encrypted-owner.pdf  owner password only (opens without one)
#   rotated-90.pdf       /Rotate 90 added to every page        → same rows
# Usage: test/pdf/make-fixtures.sh [base.pdf] [outdir]
# The base defaults to test/fixtures/pdf-layer/single_calc_01.pdf (a copy of the dev corpus
# file of that name, a LibreOffice Calc export); the output is written next to it by default.
set -eu
here=$(dirname "$0")
base=${1:-"$here/../fixtures/pdf-layer/single_calc_01.pdf"}
out=${2:-"$here/../fixtures/pdf-layer"}
mkdir -p "$out"
qpdf --encrypt user owner 256 -- "$base" "$out/encrypted-user.pdf"
qpdf --encrypt '' owner 256 -- "$base" "$out/encrypted-owner.pdf"
qpdf --rotate=+90 "$base" "$out/rotated-90.pdf"
