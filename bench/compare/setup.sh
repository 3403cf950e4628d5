#!/bin/sh
# Set up the peers that bench/compare/compare.py runs beside ziping.
#
#   pdftotext -layout   poppler-utils (Debian)
#   pdfplumber v0.10.4  source tree in bench/compare/vendor/pdfplumber, on Debian's python3-pdfminer
#   Camelot v0.11.0     source tree in bench/compare/vendor/camelot, on Debian's python3-opencv,
#                       python3-pandas, python3-pypdf, ...; lattice renders pages with pdftoppm
#                       (a backend object in compare.py), so neither Ghostscript nor the PyPI
#                       pdftopng is needed
#
# Nothing comes from PyPI. The two source trees are not in git (vendor/ is ignored) and this
# script does not download them: the CI machines reach no code host. Place them by hand, from a
# clone or a mirror of each repository, at these exact tags:
#
#   git clone https://github.com/jsvine/pdfplumber  /tmp/pdfplumber   # or any mirror
#   git -C /tmp/pdfplumber archive v0.10.4 | tar x -C bench/compare/vendor/pdfplumber
#   git clone https://github.com/camelot-dev/camelot /tmp/camelot
#   git -C /tmp/camelot archive v0.11.0 | tar x -C bench/compare/vendor/camelot
#
# (From a bare mirror: git --git-dir=<mirror> archive v0.10.4 | tar x -C ...)
# Set PDFPLUMBER_GIT / CAMELOT_GIT to a clone or bare mirror and this script extracts the tags.
#
# pdfplumber imports pypdfium2 only in display.py (page images); compare.py never touches it.
# Run as root (apt). Then: /usr/bin/python3 bench/compare/compare.py --help
set -eu
here=$(cd "$(dirname "$0")" && pwd)
vendor="$here/vendor"

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  poppler-utils python3 python3-pdfminer python3-pil \
  python3-opencv python3-numpy python3-pandas python3-pypdf python3-openpyxl \
  python3-click python3-chardet python3-tabulate

extract() { # name tag git-dir
  if [ -f "$vendor/$1/setup.py" ]; then echo "$1: already in $vendor/$1"; return; fi
  if [ -z "$3" ]; then echo "$1: place the $2 source tree in $vendor/$1 (see the top of this script)" >&2; return 1; fi
  mkdir -p "$vendor/$1"
  git --git-dir="$3" archive "$2" | tar x -C "$vendor/$1"
  echo "$1: $2 extracted to $vendor/$1"
}
status=0
extract pdfplumber v0.10.4 "$(
  d=${PDFPLUMBER_GIT:-}; [ -n "$d" ] && { [ -d "$d/.git" ] && echo "$d/.git" || echo "$d"; } || true)" || status=1
extract camelot v0.11.0 "$(
  d=${CAMELOT_GIT:-}; [ -n "$d" ] && { [ -d "$d/.git" ] && echo "$d/.git" || echo "$d"; } || true)" || status=1

# smoke test: both import from vendor/ with the Debian packages
/usr/bin/python3 - "$vendor" <<'PY'
import sys
sys.path[:0] = [sys.argv[1] + "/pdfplumber", sys.argv[1] + "/camelot"]
import pdfplumber, camelot
print("pdfplumber", pdfplumber.__version__, "| camelot", camelot.__version__)
PY
exit $status
