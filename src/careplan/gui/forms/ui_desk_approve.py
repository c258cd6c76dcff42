# Generated from ui/desk_approve.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'desk_approve.ui'
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

class Ui_DeskApproveDialog(object):
    def setupUi(self, DeskApproveDialog):
        if not DeskApproveDialog.objectName():
            DeskApproveDialog.setObjectName(u"DeskApproveDialog")
        DeskApproveDialog.setMinimumSize(QSize(560, 420))
        self.layout = QVBoxLayout(DeskApproveDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(DeskApproveDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.summary = QPlainTextEdit(DeskApproveDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)

        self.layout.addWidget(self.summary)

        self.question = QLabel(DeskApproveDialog)
        self.question.setObjectName(u"question")
        self.question.setWordWrap(True)

        self.layout.addWidget(self.question)

        self.problem = QLabel(DeskApproveDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(DeskApproveDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(DeskApproveDialog)

        QMetaObject.connectSlotsByName(DeskApproveDialog)
    # setupUi

    def retranslateUi(self, DeskApproveDialog):
        DeskApproveDialog.setWindowTitle(QCoreApplication.translate("DeskApproveDialog", u"Approve this plan?", None))
        self.intro.setText(QCoreApplication.translate("DeskApproveDialog", u"This is what you approve: the plan as the person and their key worker signed it.", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("DeskApproveDialog", u"What you approve", None))
#endif // QT_CONFIG(accessibility)
        self.question.setText(QCoreApplication.translate("DeskApproveDialog", u"Approve this plan? Its reviews are booked from today, and it can then be printed and put into action.", None))
    # retranslateUi

