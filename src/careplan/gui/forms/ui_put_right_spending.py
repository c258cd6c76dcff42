# Generated from ui/put_right_spending.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'put_right_spending.ui'
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
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PutRightSpendingDialog(object):
    def setupUi(self, PutRightSpendingDialog):
        if not PutRightSpendingDialog.objectName():
            PutRightSpendingDialog.setObjectName(u"PutRightSpendingDialog")
        PutRightSpendingDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(PutRightSpendingDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PutRightSpendingDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.reasonLabel = QLabel(PutRightSpendingDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.layout.addWidget(self.reasonLabel)

        self.reason = QPlainTextEdit(PutRightSpendingDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.layout.addWidget(self.reason)

        self.problem = QLabel(PutRightSpendingDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(PutRightSpendingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PutRightSpendingDialog)

        QMetaObject.connectSlotsByName(PutRightSpendingDialog)
    # setupUi

    def retranslateUi(self, PutRightSpendingDialog):
        PutRightSpendingDialog.setWindowTitle(QCoreApplication.translate("PutRightSpendingDialog", u"Put a spending entry right", None))
        self.reasonLabel.setText(QCoreApplication.translate("PutRightSpendingDialog", u"&Why it is put right", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("PutRightSpendingDialog", u"Why it is put right", None))
#endif // QT_CONFIG(accessibility)
        self.reason.setPlaceholderText(QCoreApplication.translate("PutRightSpendingDialog", u"for example: entered twice by mistake", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("PutRightSpendingDialog", u"Why it was not put right", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

