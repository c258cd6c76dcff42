# Generated from ui/sign_dialog.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

from careplan.gui.widgets.signature_pad import SignaturePad
from careplan.gui.widgets.version_content import VersionContent

class Ui_SignDialog(object):
    def setupUi(self, SignDialog):
        if not SignDialog.objectName():
            SignDialog.setObjectName(u"SignDialog")
        SignDialog.setMinimumSize(QSize(720, 600))
        self.layout = QVBoxLayout(SignDialog)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(SignDialog)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.PlainText)
        self.title.setWordWrap(True)

        self.layout.addWidget(self.title)

        self.intro = QLabel(SignDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.summaryArea = QScrollArea(SignDialog)
        self.summaryArea.setObjectName(u"summaryArea")
        self.summaryArea.setMinimumSize(QSize(0, 180))
        self.summaryArea.setWidgetResizable(True)
        self.summaryContents = QWidget()
        self.summaryContents.setObjectName(u"summaryContents")
        self.summaryLayout = QVBoxLayout(self.summaryContents)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summary = VersionContent(self.summaryContents)
        self.summary.setObjectName(u"summary")

        self.summaryLayout.addWidget(self.summary)

        self.summarySpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.summaryLayout.addItem(self.summarySpacer)

        self.summaryArea.setWidget(self.summaryContents)

        self.layout.addWidget(self.summaryArea)

        self.fingerprint = QLabel(SignDialog)
        self.fingerprint.setObjectName(u"fingerprint")
        self.fingerprint.setTextFormat(Qt.PlainText)
        self.fingerprint.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.fingerprint)

        self.how = QLabel(SignDialog)
        self.how.setObjectName(u"how")
        self.how.setTextFormat(Qt.PlainText)
        self.how.setWordWrap(True)

        self.layout.addWidget(self.how)

        self.ways = QStackedWidget(SignDialog)
        self.ways.setObjectName(u"ways")
        self.drawPage = QWidget()
        self.drawPage.setObjectName(u"drawPage")
        self.drawLayout = QHBoxLayout(self.drawPage)
        self.drawLayout.setObjectName(u"drawLayout")
        self.drawLayout.setContentsMargins(0, 0, 0, 0)
        self.padColumn = QVBoxLayout()
        self.padColumn.setObjectName(u"padColumn")
        self.pad = SignaturePad(self.drawPage)
        self.pad.setObjectName(u"pad")

        self.padColumn.addWidget(self.pad)

        self.padProblem = QLabel(self.drawPage)
        self.padProblem.setObjectName(u"padProblem")
        self.padProblem.setProperty(u"role", u"problem")
        self.padProblem.setWordWrap(True)

        self.padColumn.addWidget(self.padProblem)


        self.drawLayout.addLayout(self.padColumn)

        self.padButtons = QVBoxLayout()
        self.padButtons.setObjectName(u"padButtons")
        self.clearButton = QPushButton(self.drawPage)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setMinimumSize(QSize(0, 48))
        self.clearButton.setAutoDefault(False)

        self.padButtons.addWidget(self.clearButton)

        self.undoButton = QPushButton(self.drawPage)
        self.undoButton.setObjectName(u"undoButton")
        self.undoButton.setMinimumSize(QSize(0, 48))
        self.undoButton.setAutoDefault(False)

        self.padButtons.addWidget(self.undoButton)

        self.redoButton = QPushButton(self.drawPage)
        self.redoButton.setObjectName(u"redoButton")
        self.redoButton.setMinimumSize(QSize(0, 48))
        self.redoButton.setAutoDefault(False)

        self.padButtons.addWidget(self.redoButton)

        self.padButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.padButtons.addItem(self.padButtonsSpacer)

        self.typeInstead = QPushButton(self.drawPage)
        self.typeInstead.setObjectName(u"typeInstead")
        self.typeInstead.setMinimumSize(QSize(0, 48))
        self.typeInstead.setAutoDefault(False)

        self.padButtons.addWidget(self.typeInstead)


        self.drawLayout.addLayout(self.padButtons)

        self.ways.addWidget(self.drawPage)
        self.typePage = QWidget()
        self.typePage.setObjectName(u"typePage")
        self.typeLayout = QVBoxLayout(self.typePage)
        self.typeLayout.setObjectName(u"typeLayout")
        self.typeLayout.setContentsMargins(0, 0, 0, 0)
        self.typeForm = QFormLayout()
        self.typeForm.setObjectName(u"typeForm")
        self.typedNameLabel = QLabel(self.typePage)
        self.typedNameLabel.setObjectName(u"typedNameLabel")

        self.typeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typedNameLabel)

        self.typedName = QLineEdit(self.typePage)
        self.typedName.setObjectName(u"typedName")
        self.typedName.setMinimumSize(QSize(0, 40))

        self.typeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typedName)

        self.typedNameProblem = QLabel(self.typePage)
        self.typedNameProblem.setObjectName(u"typedNameProblem")
        self.typedNameProblem.setProperty(u"role", u"problem")
        self.typedNameProblem.setWordWrap(True)

        self.typeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typedNameProblem)

        self.confirmed = QCheckBox(self.typePage)
        self.confirmed.setObjectName(u"confirmed")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.confirmed.sizePolicy().hasHeightForWidth())
        self.confirmed.setSizePolicy(sizePolicy)
        self.confirmed.setProperty(u"role", u"largeTick")
        self.confirmed.setMinimumSize(QSize(0, 40))

        self.typeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmed)

        self.confirmedProblem = QLabel(self.typePage)
        self.confirmedProblem.setObjectName(u"confirmedProblem")
        self.confirmedProblem.setProperty(u"role", u"problem")
        self.confirmedProblem.setWordWrap(True)

        self.typeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirmedProblem)


        self.typeLayout.addLayout(self.typeForm)

        self.drawInsteadRow = QHBoxLayout()
        self.drawInsteadRow.setObjectName(u"drawInsteadRow")
        self.drawInsteadSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.drawInsteadRow.addItem(self.drawInsteadSpacer)

        self.drawInstead = QPushButton(self.typePage)
        self.drawInstead.setObjectName(u"drawInstead")
        self.drawInstead.setMinimumSize(QSize(0, 48))
        self.drawInstead.setAutoDefault(False)

        self.drawInsteadRow.addWidget(self.drawInstead)


        self.typeLayout.addLayout(self.drawInsteadRow)

        self.typeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.typeLayout.addItem(self.typeSpacer)

        self.ways.addWidget(self.typePage)

        self.layout.addWidget(self.ways)

        self.problem = QLabel(SignDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.notNow = QPushButton(SignDialog)
        self.notNow.setObjectName(u"notNow")
        self.notNow.setMinimumSize(QSize(140, 48))
        self.notNow.setAutoDefault(False)

        self.buttonRow.addWidget(self.notNow)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.signButton = QPushButton(SignDialog)
        self.signButton.setObjectName(u"signButton")
        self.signButton.setMinimumSize(QSize(180, 48))
        self.signButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.signButton)


        self.layout.addLayout(self.buttonRow)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.typedNameLabel.setBuddy(self.typedName)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.summaryArea, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.undoButton)
        QWidget.setTabOrder(self.undoButton, self.redoButton)
        QWidget.setTabOrder(self.redoButton, self.typeInstead)
        QWidget.setTabOrder(self.typeInstead, self.typedName)
        QWidget.setTabOrder(self.typedName, self.confirmed)
        QWidget.setTabOrder(self.confirmed, self.drawInstead)
        QWidget.setTabOrder(self.drawInstead, self.signButton)
        QWidget.setTabOrder(self.signButton, self.notNow)

        self.retranslateUi(SignDialog)

        self.ways.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SignDialog)
    # setupUi

    def retranslateUi(self, SignDialog):
        SignDialog.setWindowTitle(QCoreApplication.translate("SignDialog", u"Sign the plan", None))
        self.title.setText(QCoreApplication.translate("SignDialog", u"Sign the plan", None))
        self.intro.setText(QCoreApplication.translate("SignDialog", u"Read the plan below. This is exactly what you are signing.", None))
#if QT_CONFIG(accessibility)
        self.summaryArea.setAccessibleName(QCoreApplication.translate("SignDialog", u"The plan you are signing", None))
#endif // QT_CONFIG(accessibility)
        self.fingerprint.setText(QCoreApplication.translate("SignDialog", u"Plan fingerprint:", None))
        self.how.setText(QCoreApplication.translate("SignDialog", u"Sign here with your finger, a pen or the mouse. Or type your name instead.", None))
        self.clearButton.setText(QCoreApplication.translate("SignDialog", u"&Clear", None))
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("SignDialog", u"Clear the signature box", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(QCoreApplication.translate("SignDialog", u"Take back the last line drawn (Ctrl+Z)", None))
#endif // QT_CONFIG(tooltip)
        self.undoButton.setText(QCoreApplication.translate("SignDialog", u"&Undo", None))
#if QT_CONFIG(accessibility)
        self.undoButton.setAccessibleName(QCoreApplication.translate("SignDialog", u"Undo the last line", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.redoButton.setToolTip(QCoreApplication.translate("SignDialog", u"Put back the line you took away", None))
#endif // QT_CONFIG(tooltip)
        self.redoButton.setText(QCoreApplication.translate("SignDialog", u"&Redo", None))
#if QT_CONFIG(accessibility)
        self.redoButton.setAccessibleName(QCoreApplication.translate("SignDialog", u"Redo the line", None))
#endif // QT_CONFIG(accessibility)
        self.typeInstead.setText(QCoreApplication.translate("SignDialog", u"&Type my name instead", None))
#if QT_CONFIG(accessibility)
        self.typeInstead.setAccessibleName(QCoreApplication.translate("SignDialog", u"Type my name instead", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.typeInstead.setAccessibleDescription(QCoreApplication.translate("SignDialog", u"Sign by typing your name and ticking a box, with the keyboard.", None))
#endif // QT_CONFIG(accessibility)
        self.typedNameLabel.setText(QCoreApplication.translate("SignDialog", u"Your &name", None))
#if QT_CONFIG(accessibility)
        self.typedName.setAccessibleName(QCoreApplication.translate("SignDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.typedName.setAccessibleDescription(QCoreApplication.translate("SignDialog", u"Type your name as your signature.", None))
#endif // QT_CONFIG(accessibility)
        self.confirmed.setText(QCoreApplication.translate("SignDialog", u"This is &my signature", None))
#if QT_CONFIG(accessibility)
        self.confirmed.setAccessibleName(QCoreApplication.translate("SignDialog", u"This is my signature", None))
#endif // QT_CONFIG(accessibility)
        self.drawInstead.setText(QCoreApplication.translate("SignDialog", u"&Draw my signature instead", None))
#if QT_CONFIG(accessibility)
        self.drawInstead.setAccessibleName(QCoreApplication.translate("SignDialog", u"Draw my signature instead", None))
#endif // QT_CONFIG(accessibility)
        self.notNow.setText(QCoreApplication.translate("SignDialog", u"Not now", None))
#if QT_CONFIG(accessibility)
        self.notNow.setAccessibleName(QCoreApplication.translate("SignDialog", u"Not now: close without signing", None))
#endif // QT_CONFIG(accessibility)
        self.signButton.setText(QCoreApplication.translate("SignDialog", u"&Sign", None))
    # retranslateUi

