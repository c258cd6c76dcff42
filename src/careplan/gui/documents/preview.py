"""The signed agreement on screen before it is printed: pages, zoom, Print…, Save as PDF….

What is shown is the signed PDF itself (QPdfView), so what is printed or saved is exactly what
was previewed. Printing renders each page with QPdfDocument.render onto the printer's pages, at
up to 300 dots per inch (plenty for text and signatures, and a page stays a few megabytes).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careplan.documents.files import why_not_written
from careplan.gui.documents.saving import PdfSaver
from careplan.services.agreement import IssuedAgreement

PRINT_DPI = 300
ZOOM_STEP = 1.25
BUTTON_HEIGHT = 40


class PrintFailed(Exception):
    """The printer could not be started (no printer, or it refused)."""


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the document's pages (the range chosen in the print dialog, else all) onto
    ``printer``. Returns the number of pages printed."""
    count = document.pageCount()
    first = max(printer.fromPage(), 1) - 1 if printer.fromPage() else 0
    last = min(printer.toPage(), count) - 1 if printer.toPage() else count - 1
    printer.setFullPage(True)  # the PDF's pages have their own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("The printer could not be started. Check that it is switched on and connected.")
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        area = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        area.moveTo(0, 0)
        printed = 0
        for page in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, pixels)
            scale = min(area.width() / pixels.width(), area.height() / pixels.height())
            width, height = pixels.width() * scale, pixels.height() * scale
            target = QRectF(
                area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


def _button(text: str, parent: QWidget, name: str, accessible: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.setAutoDefault(False)
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 36)
    return button


class PreviewDialog(QDialog):
    """Shows a signed agreement; prints it through the system print dialog or saves it."""

    def __init__(
        self, issued: IssuedAgreement, saver: PdfSaver, *, signed_by: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.issued = issued
        self.saver = saver
        self.setObjectName("agreementPreview")
        kind = "Easy-read agreement" if issued.easy_read else "Agreement"
        self.setWindowTitle(f"{kind}: version {issued.version_number}, document {issued.document_id}")
        self.setAccessibleName(self.windowTitle())

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(issued.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.about = QLabel(
            f"{kind}, signed by {signed_by}. This is the signed copy: what you print or save is "
            "exactly what you see.",
            self,
        )
        self.about.setObjectName("previewAbout")
        self.about.setWordWrap(True)

        self.view = QPdfView(self)
        self.view.setObjectName("previewPages")
        self.view.setAccessibleName("The agreement's pages")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.previous_button = _button("Previous page", self, "previousPage", "Go to the previous page")
        self.previous_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.previous_button.clicked.connect(lambda: self.go_to(self.page() - 1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.next_button = _button("Next page", self, "nextPage", "Go to the next page")
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.next_button.clicked.connect(lambda: self.go_to(self.page() + 1))
        self.zoom_out_button = _button("Smaller", self, "zoomOut", "Make the pages smaller")
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button = _button("Bigger", self, "zoomIn", "Make the pages bigger")
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.fit_button = _button("Fit width", self, "fitWidth", "Fit the page to the window's width")
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button = _button("Print…", self, "printAgreement", "Print the agreement")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_)
        self.save_button = _button(
            "Save as PDF…", self, "savePreviewedAgreement", "Save the agreement as a PDF"
        )
        self.save_button.clicked.connect(self.save)
        self.close_button = _button("Close", self, "closePreview", "Close the preview")
        self.close_button.clicked.connect(self.reject)

        navigation = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            navigation.addWidget(widget)
        navigation.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            navigation.addWidget(widget)
        navigation.addStretch(1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for widget in (self.print_button, self.save_button, self.close_button):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(navigation)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
        self._show_page()
        self.resize(900, 900)

    # --- pages -------------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._show_page()

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(self.view.zoomFactor() * factor, 4.0)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _show_page(self) -> None:
        page, count = self.page(), self.page_count()
        self.page_label.setText(f"Page {page + 1} of {count}")
        self.page_label.setAccessibleName(self.page_label.text())
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)

    # --- printing and saving -----------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.issued.file_name)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return printer

    def print_(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the agreement")
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        target = printer.outputFileName()  # "print to file", chosen in the print dialog
        if target and Path(target).parent.is_dir():  # a missing folder: the printer says it cannot start
            from careplan.services.chosen_files import FileRefused, output_path

            try:
                output_path(target, self.saver.protected, what="the agreement")
            except FileRefused as exc:
                QMessageBox.warning(self, "Not printed", exc.message)
                return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_pdf(self.document, printer)
        except PrintFailed as exc:
            QMessageBox.warning(self, "Not printed", str(exc))
            return 0
        except OSError as exc:
            QMessageBox.warning(
                self, "Not printed", f"The agreement could not be printed: {why_not_written(exc)}."
            )
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.about.setText(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")
        return pages

    def save(self) -> None:
        path = self.saver.save(self.issued)
        if path is not None:
            self.about.setText(f"Saved as {path.name} in {path.parent}.")
