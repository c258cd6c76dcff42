# Generated from ui/bring_forward.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bring_forward.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_BringForwardDialog(object):
    def setupUi(self, BringForwardDialog):
        if not BringForwardDialog.objectName():
            BringForwardDialog.setObjectName(u"BringForwardDialog")
        BringForwardDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(BringForwardDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(BringForwardDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.newDueLabel = QLabel(BringForwardDialog)
        self.newDueLabel.setObjectName(u"newDueLabel")

        self.layout.addWidget(self.newDueLabel)

        self.newDue = QDateEdit(BringForwardDialog)
        self.newDue.setObjectName(u"newDue")
        self.newDue.setMinimumSize(QSize(0, 40))
        self.newDue.setCalendarPopup(True)

        self.layout.addWidget(self.newDue)

        self.newDueProblem = QLabel(BringForwardDialog)
        self.newDueProblem.setObjectName(u"newDueProblem")
        self.newDueProblem.setProperty(u"role", u"problem")
        self.newDueProblem.setWordWrap(True)

        self.layout.addWidget(self.newDueProblem)

        self.reasonLabel = QLabel(BringForwardDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.layout.addWidget(self.reasonLabel)

        self.reason = QPlainTextEdit(BringForwardDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.layout.addWidget(self.reason)

        self.reasonProblem = QLabel(BringForwardDialog)
        self.reasonProblem.setObjectName(u"reasonProblem")
        self.reasonProblem.setProperty(u"role", u"problem")
        self.reasonProblem.setWordWrap(True)

        self.layout.addWidget(self.reasonProblem)

        self.problem = QLabel(BringForwardDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(BringForwardDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.newDueLabel.setBuddy(self.newDue)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newDue, self.reason)

        self.retranslateUi(BringForwardDialog)

        QMetaObject.connectSlotsByName(BringForwardDialog)
    # setupUi

    def retranslateUi(self, BringForwardDialog):
        BringForwardDialog.setWindowTitle(QCoreApplication.translate("BringForwardDialog", u"Bring the review forward", None))
        self.newDueLabel.setText(QCoreApplication.translate("BringForwardDialog", u"&New day", None))
#if QT_CONFIG(accessibility)
        self.newDue.setAccessibleName(QCoreApplication.translate("BringForwardDialog", u"New day for the review", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("BringForwardDialog", u"&Why", None))
    # retranslateUi

