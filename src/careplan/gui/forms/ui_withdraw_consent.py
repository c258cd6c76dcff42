# Generated from ui/withdraw_consent.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'withdraw_consent.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_WithdrawConsentDialog(object):
    def setupUi(self, WithdrawConsentDialog):
        if not WithdrawConsentDialog.objectName():
            WithdrawConsentDialog.setObjectName(u"WithdrawConsentDialog")
        WithdrawConsentDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(WithdrawConsentDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(WithdrawConsentDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.withdrawnOnLabel = QLabel(WithdrawConsentDialog)
        self.withdrawnOnLabel.setObjectName(u"withdrawnOnLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.withdrawnOnLabel)

        self.withdrawnOn = QLineEdit(WithdrawConsentDialog)
        self.withdrawnOn.setObjectName(u"withdrawnOn")
        self.withdrawnOn.setMaxLength(30)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.withdrawnOn)


        self.layout.addLayout(self.form)

        self.problem = QLabel(WithdrawConsentDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(WithdrawConsentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.withdrawnOnLabel.setBuddy(self.withdrawnOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WithdrawConsentDialog)

        QMetaObject.connectSlotsByName(WithdrawConsentDialog)
    # setupUi

    def retranslateUi(self, WithdrawConsentDialog):
        WithdrawConsentDialog.setWindowTitle(QCoreApplication.translate("WithdrawConsentDialog", u"Stop sharing", None))
        self.intro.setText(QCoreApplication.translate("WithdrawConsentDialog", u"The person no longer agrees to share this.", None))
        self.withdrawnOnLabel.setText(QCoreApplication.translate("WithdrawConsentDialog", u"Stopped &on", None))
#if QT_CONFIG(accessibility)
        self.withdrawnOn.setAccessibleName(QCoreApplication.translate("WithdrawConsentDialog", u"Stopped on", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.withdrawnOn.setAccessibleDescription(QCoreApplication.translate("WithdrawConsentDialog", u"The day the person stopped agreeing: day, month and year, for example 04/03/2027.", None))
#endif // QT_CONFIG(accessibility)
        self.withdrawnOn.setPlaceholderText(QCoreApplication.translate("WithdrawConsentDialog", u"DD/MM/YYYY", None))
    # retranslateUi

