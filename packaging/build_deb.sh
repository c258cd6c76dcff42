#!/usr/bin/env bash
# Build the Debian package dist/careplan_VERSION-1_ARCH.deb from the one-folder bundle.
#
#   bash packaging/build_deb.sh                 # builds the bundle first (packaging/build_bundle.sh)
#   bash packaging/build_deb.sh --reuse-bundle  # packages the dist/careplan already built
#
# The package installs the bundle under /opt/careplan, a `careplan` command (/usr/bin/careplan, a
# symbolic link), the icon in the hicolor theme (SVG and PNG sizes), a .desktop file and an
# AppStream metainfo file (both validated here: desktop-file-utils and appstream must be installed).
# Depends: the Debian packages of every system library the bundle's programs and Qt plugins load
# (ldd, then dpkg -S), the Qt libraries .ci/run installs, and the C library version the bundle's
# binaries need (their newest GLIBC_ symbol version).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
log() { printf 'build_deb: %s\n' "$*" >&2; }

APP_ID=org.careplan.Careplan
PREFIX=/opt/careplan
# Qt's libraries, even offscreen, and those of its X11 (xcb) platform plugin: .ci/run's apt line. Some
# are copied into the bundle by PyInstaller, so ldd below would not name them; the system's are
# what Qt's plugins load first on a desktop, so they are Depends all the same. QtPdf needs gssapi.
QT_PACKAGES=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libgssapi-krb5-2)

for tool in desktop-file-validate appstreamcli dpkg-deb ldd objdump; do
    command -v "$tool" >/dev/null || {
        log "ERROR: $tool is missing (apt-get install desktop-file-utils appstream dpkg binutils)"
        exit 1
    }
done

if [[ "${1:-}" != "--reuse-bundle" || ! -x dist/careplan/careplan ]]; then
    bash packaging/build_bundle.sh
fi
bundle="$root/dist/careplan"
version="$(env -u PYTHONPATH "$bundle/careplan" --version | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
name="careplan_${version}-1_${arch}"
stage="$root/build/deb/$name"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage$PREFIX" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/metainfo" "$stage/usr/share/doc/careplan"

log "staging $name"
cp -a "$bundle/." "$stage$PREFIX/"
ln -s "$PREFIX/careplan" "$stage/usr/bin/careplan"
install -m 644 "packaging/linux/$APP_ID.desktop" "$stage/usr/share/applications/"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(git log -1 --format=%cd --date=short)/" \
    "packaging/linux/$APP_ID.metainfo.xml" >"$stage/usr/share/metainfo/$APP_ID.metainfo.xml"
"$root/build/bundle-venv/bin/python" packaging/linux/render_icons.py "$stage" "$APP_ID"
cat >"$stage/usr/share/doc/careplan/copyright" <<COPYRIGHT
Careplan $version: GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later).
The bundle under $PREFIX holds Python and the packages in requirements.lock, each under its own
licence (their licence files are in their .dist-info folders where the package ships one); the
fonts are under the licences beside them in $PREFIX/_internal/careplan/resources/fonts.
COPYRIGHT

desktop-file-validate "$stage/usr/share/applications/$APP_ID.desktop"
appstreamcli validate --no-net "$stage/usr/share/metainfo/$APP_ID.metainfo.xml" >&2

log "working out Depends (ldd of every shared object in the bundle)"
mapfile -t elves < <(find "$stage$PREFIX" -type f \( -name '*.so' -o -name '*.so.*' -o -path "*$PREFIX/careplan" \) \
    -exec sh -c 'head -c 4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
system_libraries="$(
    for elf in "${elves[@]}"; do
        LD_LIBRARY_PATH="$stage$PREFIX/_internal" ldd "$elf" 2>/dev/null || true
    done | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$stage" | sort -u
)"
packages=("${QT_PACKAGES[@]}")
while read -r library; do
    [[ -n "$library" ]] || continue
    owner="$(dpkg -S "$(readlink -f "$library")" 2>/dev/null || dpkg -S "$library" 2>/dev/null || true)"
    [[ -n "$owner" ]] && packages+=("${owner%%:*}")
done <<<"$system_libraries"
glibc="$(for elf in "${elves[@]}"; do objdump -T "$elf" 2>/dev/null; done \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
depends="libc6 (>= $glibc)"
for package in $(printf '%s\n' "${packages[@]}" | grep -vx libc6 | sort -u); do
    depends+=", $package"
done

cat >"$stage/DEBIAN/control" <<CONTROL
Package: careplan
Version: ${version}-1
Architecture: $arch
Maintainer: The Careplan developers <careplan@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Recommends: gnome-keyring | kwalletmanager
Section: misc
Priority: optional
Homepage: https://example.org/careplan
Description: co-authored care plans and personal budgets
 Careplan is for drug and alcohol services: a person who uses the service and
 their key worker write the care plan together, with a personal budget; a
 manager approves it and prints a signed agreement.
 .
 This package holds the whole application (Python and its libraries included)
 under $PREFIX, and the careplan command.
CONTROL
# Careplan writes nothing under $PREFIX, but a run as root with stale bytecode could: removing the
# package removes the folder too, so nothing is left behind.
cat >"$stage/DEBIAN/postrm" <<'POSTRM'
#!/bin/sh
set -e
case "$1" in
    remove|purge) rm -rf /opt/careplan ;;
esac
POSTRM
chmod 755 "$stage/DEBIAN/postrm"

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$stage" "dist/$name.deb" >&2
log "built dist/$name.deb ($(du -h "dist/$name.deb" | cut -f1)); Depends: $depends"
