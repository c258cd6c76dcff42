"""The baseline for start-up: a bare PySide6 window with a 10,000-row table, nothing else.

Prints ``READY rows=N rss_kb=K`` once the table has been painted, and quits.
"""

from __future__ import annotations

import sys

from bench.probe_app import _peak_kb

ROWS = 10_000


def main() -> int:
    from PySide6.QtCore import (
        QAbstractTableModel,
        QEvent,
        QModelIndex,
        QObject,
        QPersistentModelIndex,
        Qt,
        QTimer,
    )
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else ROWS

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 5

        def data(
            self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
        ) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Row {index.row()} column {index.column()}"
            return None

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView(window)
    model = Model(table)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1366, 768)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        rss = _peak_kb()
        print(f"READY rows={model.rowCount()} rss_kb={rss}", flush=True)
        app.quit()

    watcher = FirstPaint(table)
    table.viewport().installEventFilter(watcher)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
