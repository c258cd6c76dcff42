#!/usr/bin/env bash
# Build Careplan's one-folder bundle with PyInstaller: dist/careplan/ holds the `careplan` program
# (the command line, and with no command the desktop app) and everything it needs, Python included.
#
#   bash packaging/build_bundle.sh
#
# Built from the locks, never from whatever is newest: a build venv (build/bundle-venv) gets
# requirements.lock and packaging/build-requirements.lock (PyInstaller), both with --require-hashes,
# and is made anew whenever either lock changes. Careplan itself comes from src/ (the spec's pathex),
# so the bundle is this working tree. Modules are compiled bytecode inside the program's archive;
# the Alembic migrations, which Alembic reads as files, are compiled beside their sources.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

venv="$root/build/bundle-venv"
dist="$root/dist"
log() { printf 'build_bundle: %s\n' "$*" >&2; }

locks_hash="$(cat requirements.lock packaging/build-requirements.lock | sha256sum | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || "$(cat "$venv/.locks-sha256" 2>/dev/null)" != "$locks_hash" ]]; then
    log "making the build venv from requirements.lock and packaging/build-requirements.lock"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
    "$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes \
        -r packaging/build-requirements.lock
    echo "$locks_hash" >"$venv/.locks-sha256"
fi

log "PyInstaller $("$venv/bin/pyinstaller" --version)"
rm -rf "$dist/careplan"
PYTHONPATH="$root/src" "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$root/build/pyinstaller" packaging/careplan.spec

# Alembic loads env.py and versions/*.py with importlib from the files: give it their bytecode too
# (hash-checked, so a copy that changes the files' times does not make them stale).
migrations="$dist/careplan/_internal/careplan/storage/migrations"
[[ -f "$migrations/env.py" ]] || { log "ERROR: the migrations are not in the bundle"; exit 1; }
"$venv/bin/python" -m compileall -q --invalidation-mode checked-hash "$migrations"

version="$(env -u PYTHONPATH "$dist/careplan/careplan" --version)"
log "built $version in dist/careplan ($(du -sh "$dist/careplan" | cut -f1))"
