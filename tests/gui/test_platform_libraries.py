"""Missing system libraries for Qt's xcb plugin: ``careplan`` names them and their Debian packages
in one sentence and exits 16, instead of Qt's abort (134) that blames libxcb-cursor0 whatever is
missing.

The stand-in plugin is a real shared library, built here with gcc, that needs two libraries which
are deleted after linking (and libxcb, which is installed); the real plugin is PySide6's own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from careplan.gui import platform_libraries
from careplan.gui.app import EXIT_PLATFORM_LIBRARIES
from careplan.gui.platform_libraries import (
    DEBIAN_PACKAGES,
    linked_libraries,
    load_error,
    missing_libraries,
    missing_sentence,
    platform_library_problem,
    pyside_folder,
    xcb_plugin,
)
from tests.pg_server import in_ci

ROOT = Path(__file__).resolve().parents[2]
GONE = ["libcareplan-missing-test.so", "libcareplan-missing-too.so"]
NO_DISPLAY_HERE = ":9999"  # the check runs before Qt: no X server is needed, nor wanted


def _gcc(*args: str, cwd: Path) -> None:
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.fail(
            "gcc is needed to build the stand-in Qt plugin of these tests: "
            "install it (Debian: sudo apt-get install gcc libc6-dev)"
        )
    subprocess.run([gcc, *args], cwd=cwd, check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def plugins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plugins folder whose platforms/libqxcb.so needs the two GONE libraries and libxcb.so.1."""
    root = tmp_path_factory.mktemp("stand-in")
    (root / "empty.c").write_text("int careplan_stand_in = 0;\n")
    for name in GONE:
        _gcc("-shared", "-fPIC", f"-Wl,-soname,{name}", "-o", name, "empty.c", cwd=root)
    platforms = root / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    links = [f"-l{name.removeprefix('lib').removesuffix('.so')}" for name in GONE]
    _gcc(
        *("-shared", "-fPIC", "-o", str(platforms / "libqxcb.so"), "empty.c"),
        *("-Wl,--no-as-needed", "-L.", *links, "-l:libxcb.so.1"),
        cwd=root,
    )
    for name in GONE:
        (root / name).unlink()
    return root / "plugins"


def _xcb_env(plugins: Path, **extra: str) -> dict[str, str]:
    away = ("QT_QPA_PLATFORM", "QT_QPA_PLATFORM_PLUGIN_PATH", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")
    env = {k: v for k, v in os.environ.items() if k not in away}
    env.update({"DISPLAY": NO_DISPLAY_HERE, "QT_PLUGIN_PATH": str(plugins), **extra})
    return env


@pytest.mark.parametrize("platform", [None, "xcb"], ids=["QT_QPA_PLATFORM unset", "QT_QPA_PLATFORM=xcb"])
def test_careplan_names_every_missing_library_instead_of_qts_abort(
    plugins: Path, tmp_path: Path, platform: str | None
) -> None:
    env = _xcb_env(plugins, CAREPLAN_DATA_DIR=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    result = subprocess.run(
        [sys.executable, "-m", "careplan"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == EXIT_PLATFORM_LIBRARIES == 16, result.stderr
    assert result.stderr == (
        "careplan: Careplan cannot open its window: the system libraries libcareplan-missing-test.so "
        "and libcareplan-missing-too.so, which Qt needs on this desktop, are missing.\n"
    )
    assert result.stdout == ""


def test_careplans_own_qt_plugin_that_does_not_load_is_looked_at_closer(
    plugins: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Careplan's own plugin is loaded in this process (cheap); when that fails, ldd lists every
    missing library, or without ldd the loader's message names the first one."""
    pyside = tmp_path / "PySide6"
    shutil.copytree(plugins, pyside / "Qt" / "plugins")
    monkeypatch.setattr(platform_libraries, "pyside_folder", lambda: pyside.resolve())
    env = {"DISPLAY": NO_DISPLAY_HERE}

    assert GONE[0] in (load_error(plugins / "platforms" / "libqxcb.so") or "")
    assert platform_library_problem(env) == missing_sentence(GONE)

    no_ldd = tmp_path / "bin-without-ldd"
    no_ldd.mkdir()
    monkeypatch.setenv("PATH", str(no_ldd))
    assert missing_libraries(plugins / "platforms" / "libqxcb.so") is None
    assert platform_library_problem(env) == missing_sentence(GONE[:1])


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "xcb;offscreen"},  # Qt falls back on offscreen
        {"QT_QPA_PLATFORM": "wayland"},
        {"WAYLAND_DISPLAY": "wayland-0"},  # Qt tries wayland first
        {"XDG_SESSION_TYPE": "wayland"},
        {"DISPLAY": ""},
    ],
    ids=lambda env: " ".join(f"{k}={v}" for k, v in env.items()),
)
def test_nothing_is_checked_unless_qt_uses_xcb_alone(plugins: Path, env: dict[str, str]) -> None:
    assert platform_library_problem(_xcb_env(plugins, **env)) is None


def test_nothing_is_checked_on_windows_or_macos(plugins: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = _xcb_env(plugins)
    assert platform_library_problem(env) is not None
    for other in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", other)
        assert platform_library_problem(env) is None


def test_the_plugin_is_found_where_qt_looks_first(tmp_path: Path) -> None:
    """Qt (6.12, QT_DEBUG_PLUGINS=1) searches QT_PLUGIN_PATH, its own plugins, the program's
    folder, then QT_QPA_PLATFORM_PLUGIN_PATH, and uses the first xcb plugin it finds."""
    folders = {name: tmp_path / name for name in ("env", "pyside", "program", "platform-path")}
    plugin_in = {
        "env": folders["env"] / "platforms",
        "pyside": folders["pyside"] / "Qt" / "plugins" / "platforms",
        "program": folders["program"] / "platforms",
        "platform-path": folders["platform-path"],
    }
    for folder in plugin_in.values():
        folder.mkdir(parents=True)
        (folder / "libqxcb.so").write_bytes(b"")
    env = {
        "QT_PLUGIN_PATH": os.pathsep.join([str(tmp_path / "nowhere"), str(folders["env"])]),
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(folders["platform-path"]),
    }
    program = str(folders["program"] / "python3")
    for name in ["env", "pyside", "program", "platform-path"]:
        found = xcb_plugin(env, folders["pyside"], program)
        assert found == (plugin_in[name] / "libqxcb.so").resolve(), name
        (plugin_in[name] / "libqxcb.so").unlink()
    assert xcb_plugin(env, folders["pyside"], program) is None


# The real plugin of the installed PySide6 (this machine has every library it needs) -------------


def _real_plugin() -> Path:
    pyside = pyside_folder()
    assert pyside is not None
    return pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def test_the_real_plugin_loads_and_nothing_is_missing() -> None:
    plugin = _real_plugin()
    assert xcb_plugin({}, pyside_folder()) == plugin
    libraries = linked_libraries(plugin)
    assert libraries is not None
    for name in ["libQt6XcbQpa.so.6", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]:
        assert libraries.get(name), name
    assert missing_libraries(plugin) == []
    assert load_error(plugin) is None
    assert platform_library_problem({"DISPLAY": NO_DISPLAY_HERE}) is None


def test_every_system_library_of_the_real_plugin_has_its_debian_package() -> None:
    pyside = pyside_folder()
    libraries = linked_libraries(_real_plugin())
    assert pyside is not None
    assert libraries is not None
    system = {
        name: path
        for name, path in libraries.items()
        if path and not Path(path).resolve().is_relative_to(pyside)
    }
    assert "libxcb-icccm.so.4" in system
    assert sorted(set(system) - set(DEBIAN_PACKAGES)) == []
    dpkg = shutil.which("dpkg")
    if dpkg is None:  # a machine that is not Debian-like: nothing to check against (never in CI)
        (pytest.fail if in_ci() else pytest.skip)("no dpkg here to check the package names against")
    # the X11 ones, named alike on Debian and Ubuntu (some others differ, e.g. Ubuntu's t64 names)
    x11 = sorted(name for name in system if name.lower().startswith(("libxcb", "libx11", "libxkb")))
    owners = {}
    for name in x11:
        found = subprocess.run(
            [dpkg, "-S", f"*/{name}"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        owners[name] = sorted({line.split(":")[0] for line in found})
    assert owners == {name: [DEBIAN_PACKAGES[name]] for name in x11}


def test_the_table_names_the_packages_a_fresh_desktop_lacks() -> None:
    assert {name: DEBIAN_PACKAGES[name] for name in list(DEBIAN_PACKAGES)[:5]} == {
        "libxcb-cursor.so.0": "libxcb-cursor0",
        "libxcb-icccm.so.4": "libxcb-icccm4",
        "libxcb-keysyms.so.1": "libxcb-keysyms1",
        "libxcb-shape.so.0": "libxcb-shape0",
        "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    }


@pytest.mark.parametrize(
    ("missing", "sentence"),
    [
        (
            ["libxcb-icccm.so.4"],
            "Careplan cannot open its window: the system library libxcb-icccm.so.4, which Qt needs on "
            "this desktop, is missing (install the Debian package libxcb-icccm4: "
            "sudo apt-get install libxcb-icccm4).",
        ),
        (
            ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0"],
            "Careplan cannot open its window: the system libraries libxcb-icccm.so.4, "
            "libxcb-keysyms.so.1, libglib-2.0.so.0 and libgthread-2.0.so.0, which Qt needs on this "
            "desktop, are missing (install the Debian packages libxcb-icccm4, libxcb-keysyms1 and "
            "libglib2.0-0: sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libglib2.0-0).",
        ),
        (
            ["libQt6XcbQpa.so.6", "libxcb-shape.so.0"],
            "Careplan cannot open its window: the system libraries libQt6XcbQpa.so.6 and "
            "libxcb-shape.so.0, which Qt needs on this desktop, are missing (for libxcb-shape.so.0, "
            "install the Debian package libxcb-shape0: sudo apt-get install libxcb-shape0).",
        ),
        (
            ["libcareplan-missing-test.so"],
            "Careplan cannot open its window: the system library libcareplan-missing-test.so, which "
            "Qt needs on this desktop, is missing.",
        ),
    ],
    ids=["one", "several, one package for two", "one unknown", "only unknown"],
)
def test_one_plain_sentence(missing: list[str], sentence: str) -> None:
    assert missing_sentence(missing) == sentence
