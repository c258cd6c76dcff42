"""Render Careplan's icon (src/careplan/resources/icons/careplan.svg) into the hicolor icon theme.

python packaging/linux/render_icons.py DESTDIR APP_ID   (run by packaging/build_deb.sh, with Qt)

Writes DESTDIR/usr/share/icons/hicolor/scalable/apps/APP_ID.svg and a PNG of each size desktops
ask for (16 to 512 px), drawn by Qt's SVG renderer offscreen.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SOURCE = Path(__file__).resolve().parents[2] / "src" / "careplan" / "resources" / "icons" / "careplan.svg"


def main(destdir: Path, app_id: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt's painting needs the application
    hicolor = destdir / "usr" / "share" / "icons" / "hicolor"
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{app_id}.svg")
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: Qt cannot read {SOURCE}")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{app_id}.png")):
            raise SystemExit(f"render_icons: could not write the {size} px icon")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
