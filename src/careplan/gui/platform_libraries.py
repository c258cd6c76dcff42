"""Whether Qt's X11 platform plugin (xcb) can load here, checked before Qt is loaded.

On a fresh Linux desktop some of the system libraries Qt's xcb plugin needs may be missing. Qt
then aborts the process (exit 134) with a message that blames libxcb-cursor0 whatever is missing.
This check finds the plugin Qt would load, tries to load it, and only when that fails lists every
missing library (with ``ldd``) and the Debian package that has each, in one plain sentence.

It does something only on Linux, when Qt would use xcb: ``QT_QPA_PLATFORM`` unset (outside a
Wayland session) or exactly ``xcb``, and a ``DISPLAY``. Never offscreen, never on Windows or macOS.

This is the only module of Careplan with POSIX-only calls (a shared library loaded with ctypes,
``ldd``); it imports no Qt.
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path

PLUGIN_FILE = "libqxcb.so"  # Qt's name for its xcb platform plugin

# The library files Qt's xcb plugin and the libQt6XcbQpa it needs load (``ldd`` of PySide6's
# libqxcb.so, all of them), and the Debian 12 package of each (``dpkg -S``). The first block is
# what a fresh desktop usually lacks; the rest come with nearly every desktop.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libexpat.so.1": "libexpat1",
    "libz.so.1": "zlib1g",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libsystemd.so.0": "libsystemd0",
    "libcap.so.2": "libcap2",
    "libgcrypt.so.20": "libgcrypt20",
    "libgpg-error.so.0": "libgpg-error0",
    "liblzma.so.5": "liblzma5",
    "liblz4.so.1": "liblz4-1",
    "libzstd.so.1": "libzstd1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
}

_NOT_FOUND = re.compile(r"^\s*(\S+) => not found\s*$", re.MULTILINE)
_FOUND = re.compile(r"^\s*(\S+) => (/\S+)", re.MULTILINE)
_DLERROR = re.compile(r"(?:^|: )([^\s:/]+\.so[.\d]*): cannot open shared object file")


def platform_library_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """A plain sentence naming the missing libraries (and their Debian packages) when Qt's xcb
    plugin cannot load for want of them, else None (also when Qt will not use xcb here)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not xcb_in_use(env):
        return None
    pyside = pyside_folder()
    plugin = xcb_plugin(env, pyside)
    if plugin is None:
        return None  # no xcb plugin at all: Qt says so itself
    error = None
    if pyside is not None and plugin.is_relative_to(pyside):
        # Careplan's own Qt: loading it costs little, and the libraries stay loaded for Qt.
        error = load_error(plugin)
        if error is None:
            return None
    # else another Qt's plugin: loading its Qt libraries into this process could take the place of
    # Careplan's own, so ldd looks at it from outside.
    missing = missing_libraries(plugin)
    if missing is None:  # ldd could not run: the loader's message names the first one
        missing = [found.group(1)] if error and (found := _DLERROR.search(error)) else []
    return missing_sentence(missing) if missing else None


def xcb_in_use(env: Mapping[str, str]) -> bool:
    """Whether Qt will use its xcb plugin, and only it (no other platform to fall back on)."""
    if not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":")[0].strip() for name in chosen.split(";")] == ["xcb"]
    # Unset: Qt tries wayland first in a Wayland session, and xcb only if wayland fails.
    return not (env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland")


def pyside_folder() -> Path | None:
    """Where PySide6 is installed, found without importing it."""
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def xcb_plugin(env: Mapping[str, str], pyside: Path | None, executable: str = sys.executable) -> Path | None:
    """The xcb plugin file Qt would load: the first one in the folders Qt searches, in its order
    (checked with Qt 6.12 and QT_DEBUG_PLUGINS=1): QT_PLUGIN_PATH's folders, PySide6's own
    plugins, the program's folder, then QT_QPA_PLATFORM_PLUGIN_PATH (a plugin there is used only
    when none was found before). Qt does not try another after the first fails to load."""
    folders = [Path(p) / "platforms" for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    if pyside is not None:
        folders.append(pyside / "Qt" / "plugins" / "platforms")
    folders.append(Path(executable).parent / "platforms")
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    for folder in folders:
        if (folder / PLUGIN_FILE).is_file():
            return (folder / PLUGIN_FILE).resolve()
    return None


def load_error(library: Path) -> str | None:
    """None when the shared library loads (it then stays loaded), else the loader's message."""
    try:
        ctypes.CDLL(str(library))
    except OSError as exc:
        return str(exc)
    return None


def linked_libraries(library: Path) -> dict[str, str | None] | None:
    """Every library the shared library needs, directly or through others, with the file the
    dynamic loader finds for it (None: not found), as ``ldd`` lists them; None if ldd cannot run."""
    try:
        listed = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    libraries: dict[str, str | None] = {name: path for name, path in _FOUND.findall(listed)}
    libraries.update({name: None for name in _NOT_FOUND.findall(listed)})
    return libraries


def missing_libraries(library: Path) -> list[str] | None:
    """The libraries it needs that cannot be found, in ldd's order; None if ldd cannot run."""
    libraries = linked_libraries(library)
    if libraries is None:
        return None
    return [name for name, path in libraries.items() if path is None]


def missing_sentence(missing: list[str]) -> str:
    """One sentence naming the missing libraries and the Debian packages that have them."""
    one = len(missing) == 1
    sentence = (
        f"Careplan cannot open its window: the system {'library' if one else 'libraries'} "
        f"{_and(missing)}, which Qt needs on this desktop, {'is' if one else 'are'} missing"
    )
    known = [name for name in missing if name in DEBIAN_PACKAGES]
    packages = list(dict.fromkeys(DEBIAN_PACKAGES[name] for name in known))
    if packages:
        for_which = f"for {_and(known)}, " if len(known) < len(missing) else ""
        sentence += (
            f" ({for_which}install the Debian package{'' if len(packages) == 1 else 's'} "
            f"{_and(packages)}: sudo apt-get install {' '.join(packages)})"
        )
    return sentence + "."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
