# Generated from ui/confirm_review.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'confirm_review.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

from careplan.gui.widgets.signature_pad import SignaturePad

class Ui_ConfirmReviewDialog(object):
    def setupUi(self, ConfirmReviewDialog):
        if not ConfirmReviewDialog.objectName():
            ConfirmReviewDialog.setObjectName(u"ConfirmReviewDialog")
        ConfirmReviewDialog.setMinimumSize(QSize(600, 0))
        self.layout = QVBoxLayout(ConfirmReviewDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ConfirmReviewDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.how = QLabel(ConfirmReviewDialog)
        self.how.setObjectName(u"how")
        self.how.setWordWrap(True)

        self.layout.addWidget(self.how)

        self.ways = QStackedWidget(ConfirmReviewDialog)
        self.ways.setObjectName(u"ways")
        self.typePage = QWidget()
        self.typePage.setObjectName(u"typePage")
        self.typeColumn = QVBoxLayout(self.typePage)
        self.typeColumn.setObjectName(u"typeColumn")
        self.typedNameLabel = QLabel(self.typePage)
        self.typedNameLabel.setObjectName(u"typedNameLabel")

        self.typeColumn.addWidget(self.typedNameLabel)

        self.typedName = QLineEdit(self.typePage)
        self.typedName.setObjectName(u"typedName")
        self.typedName.setMinimumSize(QSize(0, 40))

        self.typeColumn.addWidget(self.typedName)

        self.typedNameProblem = QLabel(self.typePage)
        self.typedNameProblem.setObjectName(u"typedNameProblem")
        self.typedNameProblem.setProperty(u"role", u"problem")
        self.typedNameProblem.setWordWrap(True)

        self.typeColumn.addWidget(self.typedNameProblem)

        self.confirmed = QCheckBox(self.typePage)
        self.confirmed.setObjectName(u"confirmed")
        self.confirmed.setProperty(u"role", u"largeTick")

        self.typeColumn.addWidget(self.confirmed)

        self.confirmedProblem = QLabel(self.typePage)
        self.confirmedProblem.setObjectName(u"confirmedProblem")
        self.confirmedProblem.setProperty(u"role", u"problem")
        self.confirmedProblem.setWordWrap(True)

        self.typeColumn.addWidget(self.confirmedProblem)

        self.drawInstead = QPushButton(self.typePage)
        self.drawInstead.setObjectName(u"drawInstead")
        self.drawInstead.setMinimumSize(QSize(0, 40))
        self.drawInstead.setAutoDefault(False)

        self.typeColumn.addWidget(self.drawInstead)

        self.ways.addWidget(self.typePage)
        self.drawPage = QWidget()
        self.drawPage.setObjectName(u"drawPage")
        self.drawColumn = QVBoxLayout(self.drawPage)
        self.drawColumn.setObjectName(u"drawColumn")
        self.pad = SignaturePad(self.drawPage)
        self.pad.setObjectName(u"pad")

        self.drawColumn.addWidget(self.pad)

        self.padProblem = QLabel(self.drawPage)
        self.padProblem.setObjectName(u"padProblem")
        self.padProblem.setProperty(u"role", u"problem")
        self.padProblem.setWordWrap(True)

        self.drawColumn.addWidget(self.padProblem)

        self.padButtons = QHBoxLayout()
        self.padButtons.setObjectName(u"padButtons")
        self.clearButton = QPushButton(self.drawPage)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setMinimumSize(QSize(0, 40))
        self.clearButton.setAutoDefault(False)

        self.padButtons.addWidget(self.clearButton)

        self.typeInstead = QPushButton(self.drawPage)
        self.typeInstead.setObjectName(u"typeInstead")
        self.typeInstead.setMinimumSize(QSize(0, 40))
        self.typeInstead.setAutoDefault(False)

        self.padButtons.addWidget(self.typeInstead)


        self.drawColumn.addLayout(self.padButtons)

        self.ways.addWidget(self.drawPage)

        self.layout.addWidget(self.ways)

        self.problem = QLabel(ConfirmReviewDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.notNow = QPushButton(ConfirmReviewDialog)
        self.notNow.setObjectName(u"notNow")
        self.notNow.setMinimumSize(QSize(0, 40))
        self.notNow.setAutoDefault(False)

        self.buttonRow.addWidget(self.notNow)

        self.confirmButton = QPushButton(ConfirmReviewDialog)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setMinimumSize(QSize(0, 40))

        self.buttonRow.addWidget(self.confirmButton)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.typedNameLabel.setBuddy(self.typedName)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.typedName, self.confirmed)
        QWidget.setTabOrder(self.confirmed, self.drawInstead)
        QWidget.setTabOrder(self.drawInstead, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.typeInstead)
        QWidget.setTabOrder(self.typeInstead, self.notNow)
        QWidget.setTabOrder(self.notNow, self.confirmButton)

        self.retranslateUi(ConfirmReviewDialog)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(ConfirmReviewDialog)
    # setupUi

    def retranslateUi(self, ConfirmReviewDialog):
        ConfirmReviewDialog.setWindowTitle(QCoreApplication.translate("ConfirmReviewDialog", u"Confirm the review", None))
        self.typedNameLabel.setText(QCoreApplication.translate("ConfirmReviewDialog", u"&Your name", None))
#if QT_CONFIG(accessibility)
        self.typedName.setAccessibleName(QCoreApplication.translate("ConfirmReviewDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.confirmed.setText(QCoreApplication.translate("ConfirmReviewDialog", u"&This is what we said at the review", None))
        self.drawInstead.setText(QCoreApplication.translate("ConfirmReviewDialog", u"&Draw a signature instead", None))
        self.clearButton.setText(QCoreApplication.translate("ConfirmReviewDialog", u"&Clear", None))
        self.typeInstead.setText(QCoreApplication.translate("ConfirmReviewDialog", u"T&ype a name instead", None))
        self.notNow.setText(QCoreApplication.translate("ConfirmReviewDialog", u"Not now", None))
        self.confirmButton.setText(QCoreApplication.translate("ConfirmReviewDialog", u"Confirm", None))
    # retranslateUi

