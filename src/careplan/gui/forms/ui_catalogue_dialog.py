# Generated from ui/catalogue_dialog.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'catalogue_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_CatalogueDialog(object):
    def setupUi(self, CatalogueDialog):
        if not CatalogueDialog.objectName():
            CatalogueDialog.setObjectName(u"CatalogueDialog")
        CatalogueDialog.setMinimumSize(QSize(820, 0))
        self.layout = QVBoxLayout(CatalogueDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(CatalogueDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.findRow = QHBoxLayout()
        self.findRow.setObjectName(u"findRow")
        self.filterLabel = QLabel(CatalogueDialog)
        self.filterLabel.setObjectName(u"filterLabel")

        self.findRow.addWidget(self.filterLabel)

        self.filterBox = QLineEdit(CatalogueDialog)
        self.filterBox.setObjectName(u"filterBox")
        self.filterBox.setMinimumSize(QSize(0, 34))
        self.filterBox.setClearButtonEnabled(True)

        self.findRow.addWidget(self.filterBox)

        self.countLabel = QLabel(CatalogueDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.countLabel.setTextFormat(Qt.PlainText)

        self.findRow.addWidget(self.countLabel)

        self.findRow.setStretch(1, 3)
        self.findRow.setStretch(2, 2)

        self.layout.addLayout(self.findRow)

        self.servicesTable = QTableView(CatalogueDialog)
        self.servicesTable.setObjectName(u"servicesTable")
        self.servicesTable.setTabKeyNavigation(False)
        self.servicesTable.setMinimumSize(QSize(0, 300))
        self.servicesTable.setSortingEnabled(True)
        self.servicesTable.setAlternatingRowColors(True)
        self.servicesTable.setWordWrap(False)

        self.layout.addWidget(self.servicesTable)

        self.emptyLabel = QLabel(CatalogueDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.emptyLabel)

        self.message = QLabel(CatalogueDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.message)

        self.progress = QProgressBar(CatalogueDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

        self.layout.addWidget(self.progress)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.loadButton = QPushButton(CatalogueDialog)
        self.loadButton.setObjectName(u"loadButton")
        self.loadButton.setMinimumSize(QSize(0, 40))
        self.loadButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.loadButton)

        self.saveButton = QPushButton(CatalogueDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setMinimumSize(QSize(0, 40))
        self.saveButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.saveButton)

        self.buttonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttons = QDialogButtonBox(CatalogueDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttons)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.filterBox, self.servicesTable)
        QWidget.setTabOrder(self.servicesTable, self.loadButton)
        QWidget.setTabOrder(self.loadButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.buttons)

        self.retranslateUi(CatalogueDialog)

        QMetaObject.connectSlotsByName(CatalogueDialog)
    # setupUi

    def retranslateUi(self, CatalogueDialog):
        CatalogueDialog.setWindowTitle(QCoreApplication.translate("CatalogueDialog", u"Service catalogue", None))
        self.intro.setText(QCoreApplication.translate("CatalogueDialog", u"The local services key workers can choose from when they plan how to spend a budget. To change many at once, save the catalogue as a spreadsheet, change it there, then load it again. Loading adds new services and changes those already here; it never removes one.", None))
        self.filterLabel.setText(QCoreApplication.translate("CatalogueDialog", u"&Find:", None))
#if QT_CONFIG(accessibility)
        self.filterBox.setAccessibleName(QCoreApplication.translate("CatalogueDialog", u"Find a service", None))
#endif // QT_CONFIG(accessibility)
        self.filterBox.setPlaceholderText(QCoreApplication.translate("CatalogueDialog", u"Type part of a provider, service or category", None))
        self.countLabel.setText("")
#if QT_CONFIG(accessibility)
        self.servicesTable.setAccessibleName(QCoreApplication.translate("CatalogueDialog", u"Services in the catalogue", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("CatalogueDialog", u"The catalogue is empty. Choose \u201cLoad from a spreadsheet\u2026\u201d to fill it.", None))
        self.message.setText("")
#if QT_CONFIG(accessibility)
        self.progress.setAccessibleName(QCoreApplication.translate("CatalogueDialog", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.loadButton.setText(QCoreApplication.translate("CatalogueDialog", u"&Load from a spreadsheet\u2026", None))
#if QT_CONFIG(tooltip)
        self.loadButton.setToolTip(QCoreApplication.translate("CatalogueDialog", u"Add and change services from a CSV file saved from a spreadsheet", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("CatalogueDialog", u"&Save as a spreadsheet\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("CatalogueDialog", u"Write the whole catalogue to a CSV file you can open in a spreadsheet", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

