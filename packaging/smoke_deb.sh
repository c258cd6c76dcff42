#!/usr/bin/env bash
# Install the Debian package on this machine, use it as a person would, and remove it again.
#
#   bash packaging/smoke_deb.sh [PACKAGE.deb]   # as root (or with sudo); default: the newest dist/careplan_*.deb,
#                                               # built by packaging/build_deb.sh when there is none
#
# Steps, each with a time limit so nothing can hang: apt-get installs the package (and its Depends);
# `careplan` is on the PATH; in a scratch data folder (CAREPLAN_DATA_DIR) with no keyring (keyring's
# fail backend), `careplan demo --people 20` makes a demo database; the app starts offscreen to its
# sign-in dialog (CAREPLAN_BUNDLE_SMOKE=sign-in: packaging/careplan_entry.py); every module of
# Careplan imports in the bundle (CAREPLAN_BUNDLE_SMOKE=imports: as many as from the venv, when it is
# there: so a Qt module or library left out of the bundle shows); `careplan agreement`
# signs an approved plan's agreement and `careplan verify` checks it, neither writing to standard
# error; nothing was written under /opt/careplan meanwhile; the package is removed (purged) and
# nothing is left under /opt/careplan, nor the command, .desktop file or icon. Last, the bundle's size
# and start-up time (to the sign-in dialog, and `careplan --version`; medians of 3) against the venv's:
# CAREPLAN_SMOKE_VENV (default build/bundle-venv, with src/ on PYTHONPATH, as the bundle is built).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
STEP_TIMEOUT=300
say() { printf 'smoke_deb: %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || fail "run as root (the package is installed and removed)"
    as_root=(sudo)
fi

deb="${1:-}"
if [[ -z "$deb" ]]; then
    deb="$(ls -t dist/careplan_*.deb 2>/dev/null | head -1 || true)"
    if [[ -z "$deb" ]]; then
        bash packaging/build_deb.sh
        deb="$(ls -t dist/careplan_*.deb | head -1)"
    fi
fi
deb="$(readlink -f "$deb")"
[[ -f "$deb" ]] || fail "no package at $deb"
if dpkg-query -W -f '${Status}' careplan 2>/dev/null | grep -q 'install ok installed'; then
    fail "careplan is already installed here: this script would remove it, so it stops instead"
fi

scratch="$(mktemp -d -t careplan-smoke-deb.XXXXXX)"
installed=no
cleanup() {
    if [[ "$installed" == yes ]]; then
        say "removing the package after a failure"
        "${as_root[@]}" timeout "$STEP_TIMEOUT" apt-get purge -y -qq careplan >/dev/null 2>&1 || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

say "installing $(basename "$deb")"
export DEBIAN_FRONTEND=noninteractive
installed=yes
"${as_root[@]}" timeout "$STEP_TIMEOUT" apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Use-Pty=0 "$deb" >"$scratch/apt.log" 2>&1 || fail "apt-get install: $(tail -5 "$scratch/apt.log")"
touch "$scratch/installed-marker"
[[ "$(command -v careplan)" == /usr/bin/careplan ]] || fail "careplan is not /usr/bin/careplan on the PATH"
for file in /usr/share/applications/org.careplan.Careplan.desktop \
    /usr/share/metainfo/org.careplan.Careplan.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.careplan.Careplan.svg \
    /usr/share/icons/hicolor/48x48/apps/org.careplan.Careplan.png; do
    [[ -f "$file" ]] || fail "the package did not install $file"
done

# A person's session on a fresh machine: nothing of this shell's Python or Qt settings, no keyring.
clean_env=(env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$scratch/home" LANG=C.UTF-8
    XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/data"
    CAREPLAN_DATA_DIR="$scratch/data" PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
    QT_QPA_PLATFORM=offscreen)
signed_in=("${clean_env[@]}" CAREPLAN_USER=priya CAREPLAN_PASSWORD=careplan-demo
    "CAREPLAN_RECOVERY_PASSPHRASE=demo data only, never real records"
    CAREPLAN_CERT_PASSPHRASE=careplan-demo-signing)
step() {  # step NAME COMMAND...: run it in the scratch folder with a time limit; stdout to $scratch/NAME.out
    local name="$1"
    shift
    local shown=() word
    for word in "$@"; do  # the command, without env and its variables (the demo's passwords)
        [[ "$word" == env || "$word" == -i || "$word" =~ ^[A-Z_]+= ]] || shown+=("$word")
    done
    say "\$ ${shown[*]}"
    if ! (cd "$scratch" && timeout "$STEP_TIMEOUT" "$@" >"$scratch/$name.out" 2>"$scratch/$name.err" </dev/null); then
        fail "$name: $(tail -c 2000 "$scratch/$name.out") $(tail -c 2000 "$scratch/$name.err")"
    fi
}
mkdir -p "$scratch/home"

step version "${clean_env[@]}" careplan --version
say "$(cat "$scratch/version.out")"
step demo "${clean_env[@]}" careplan demo --people 20
step plans "${signed_in[@]}" careplan plans --status approved --format json
plan_id="$(grep -m1 '"plan_id"' "$scratch/plans.out" | grep -o '[0-9][0-9]*' || true)"
[[ -n "$plan_id" ]] || fail "the demo database has no approved plan to print"

step sign_in "${signed_in[@]}" CAREPLAN_BUNDLE_SMOKE=sign-in careplan
grep -q 'showing: signInDialog' "$scratch/sign_in.out" || fail "no sign-in dialog: $(cat "$scratch/sign_in.out")"
say "the app started offscreen to its sign-in dialog"

step imports "${clean_env[@]}" CAREPLAN_BUNDLE_SMOKE=imports careplan
say "$(head -1 "$scratch/imports.out") of Careplan in the bundle, none failing"

step agreement "${signed_in[@]}" careplan agreement "$plan_id" --out "$scratch/agreement.pdf"
[[ ! -s "$scratch/agreement.err" ]] || fail "careplan agreement wrote to standard error: $(cat "$scratch/agreement.err")"
step verify "${signed_in[@]}" careplan verify "$scratch/agreement.pdf"
[[ ! -s "$scratch/verify.err" ]] || fail "careplan verify wrote to standard error: $(cat "$scratch/verify.err")"
grep -q 'genuine agreement' "$scratch/verify.out" || fail "verify did not find it genuine: $(cat "$scratch/verify.out")"
say "$(tail -1 "$scratch/verify.out")"

written="$(find /opt/careplan -newer "$scratch/installed-marker" | head -5)"
[[ -z "$written" ]] || fail "running Careplan wrote under /opt/careplan: $written"

# Start-up: wall time of a whole run, median of 3 after one to warm the disk cache.
median_seconds() {
    local runs=() i start end
    "$@" >/dev/null 2>&1 </dev/null || fail "timing run failed: $*"
    for i in 1 2 3; do
        start="$(date +%s%N)"
        (cd "$scratch" && timeout 120 "$@" >/dev/null 2>&1 </dev/null) || fail "timing run failed: $*"
        end="$(date +%s%N)"
        runs+=("$(((end - start) / 1000000))")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | awk '{printf "%.2f s", $1 / 1000}'
}
bundle_size="$(du -sh /opt/careplan | cut -f1)"
deb_size="$(du -h "$deb" | cut -f1)"
bundle_sign_in="$(median_seconds "${signed_in[@]}" CAREPLAN_BUNDLE_SMOKE=sign-in careplan)"
bundle_version="$(median_seconds "${clean_env[@]}" careplan --version)"
venv="${CAREPLAN_SMOKE_VENV:-$root/build/bundle-venv}"
if [[ -x "$venv/bin/python" ]]; then
    venv_size="$(du -sh "$venv" | cut -f1)"
    from_venv=("$venv/bin/python" "$root/packaging/careplan_entry.py")
    venv_sign_in="$(median_seconds "${signed_in[@]}" PYTHONPATH="$root/src" CAREPLAN_BUNDLE_SMOKE=sign-in "${from_venv[@]}")"
    venv_imports="$(cd "$scratch" && timeout "$STEP_TIMEOUT" "${clean_env[@]}" PYTHONPATH="$root/src" \
        CAREPLAN_BUNDLE_SMOKE=imports "${from_venv[@]}" </dev/null | head -1 || true)"
    [[ "$venv_imports" == "$(head -1 "$scratch/imports.out")" ]] \
        || fail "the bundle $(head -1 "$scratch/imports.out"), the venv $venv_imports"
    venv_version="$(median_seconds "${clean_env[@]}" PYTHONPATH="$root/src" "${from_venv[@]}" --version)"
else
    venv_size="(no venv at $venv)" venv_sign_in="-" venv_version="-"
fi

say "removing the package"
"${as_root[@]}" timeout "$STEP_TIMEOUT" apt-get purge -y -qq -o Dpkg::Use-Pty=0 careplan >"$scratch/apt.log" 2>&1 \
    || fail "apt-get purge: $(tail -5 "$scratch/apt.log")"
installed=no
[[ ! -e /opt/careplan ]] || fail "left under /opt/careplan: $(find /opt/careplan | head -5)"
[[ ! -e /usr/bin/careplan ]] || fail "/usr/bin/careplan is still there"
[[ ! -e /usr/share/applications/org.careplan.Careplan.desktop ]] || fail "the .desktop file is still there"
[[ -z "$(find /usr/share/icons/hicolor -name 'org.careplan.Careplan.*')" ]] || fail "icons are still there"
! dpkg-query -W -f '${Status}' careplan 2>/dev/null | grep -q installed || fail "dpkg still lists careplan"

printf '\n%-28s %-14s %s\n' "" "bundle (.deb)" "venv ($venv)"
printf '%-28s %-14s %s\n' "size on disk" "$bundle_size" "$venv_size"
printf '%-28s %-14s %s\n' "package file" "$deb_size" "-"
printf '%-28s %-14s %s\n' "start to sign-in dialog" "$bundle_sign_in" "$venv_sign_in"
printf '%-28s %-14s %s\n' "careplan --version" "$bundle_version" "$venv_version"
say "passed"
