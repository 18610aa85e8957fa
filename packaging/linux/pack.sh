#!/usr/bin/env bash
# Pack the Linux one-folder build into the release tarball, one top folder HPOS/ with
#   the app (dist/HPOS, from scripts/build; its symbolic links kept), hpos.desktop,
#   hpos.png (256 px), INSTALL.md and THIRD-PARTY-NOTICES.txt (a copy of the one inside).
# INSTALL.md gets the version and the glibc the build really needs: the newest GLIBC_x.y
# symbol version any bundled file asks for (objdump), at least 2.34 (PySide6's wheels).
# Usage: packaging/linux/pack.sh <output.tar.gz>   (HPOS_DIST=<folder> packs another build)
# Fails when the build is missing, has no third-party notices or no version.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: packaging/linux/pack.sh <output.tar.gz>" >&2
  exit 2
fi
case "$1" in
  /*) out=$1 ;;
  *) out="$PWD/$1" ;;
esac
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist=${HPOS_DIST:-$root/dist/HPOS}
notices="$dist/_internal/hpos/resources/THIRD-PARTY-NOTICES.txt"

if [ ! -x "$dist/HPOS" ] || [ ! -x "$dist/hpos-cli" ]; then
  echo "pack.sh: no build in $dist (run scripts/build first)" >&2
  exit 1
fi
if [ ! -s "$notices" ]; then
  echo "pack.sh: $notices is missing: the build must write the third-party notices" >&2
  exit 1
fi
version=$(sed -n 's/^__version__ = "\([^"]*\)".*/\1/p' "$root/hpos/__init__.py")
if [ -z "$version" ]; then
  echo "pack.sh: no __version__ in hpos/__init__.py" >&2
  exit 1
fi

# The oldest glibc the build runs on: the newest symbol version any of its files needs.
glibc=$(find "$dist" -type f -print0 | { xargs -0 objdump -T 2>/dev/null || true; } \
  | { grep -o 'GLIBC_[0-9][0-9.]*' || true; } | sed 's/GLIBC_//' | { cat; echo 2.34; } \
  | sort -uV | tail -n 1)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -a "$dist" "$stage/HPOS"
cp "$here/hpos.desktop" "$stage/HPOS/hpos.desktop"
cp "$root/resources/icons/hpos-256.png" "$stage/HPOS/hpos.png"
cp "$notices" "$stage/HPOS/THIRD-PARTY-NOTICES.txt"
sed -e "s/@VERSION@/$version/g" -e "s/@GLIBC@/$glibc/g" "$here/INSTALL.md" > "$stage/HPOS/INSTALL.md"

mkdir -p "$(dirname "$out")"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$out" HPOS
echo "pack.sh: $out ($(du -h "$out" | cut -f1)): HPOS $version, needs glibc $glibc or newer"
