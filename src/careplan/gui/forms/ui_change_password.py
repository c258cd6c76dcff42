# Generated from ui/change_password.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_password.ui'
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

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(ChangePasswordDialog)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(ChangePasswordDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.heading)

        self.intro = QLabel(ChangePasswordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignLeft|Qt.AlignVCenter)
        self.currentLabel = QLabel(ChangePasswordDialog)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentPassword = QLineEdit(ChangePasswordDialog)
        self.currentPassword.setObjectName(u"currentPassword")
        self.currentPassword.setEchoMode(QLineEdit.Password)
        self.currentPassword.setMaxLength(1000)
        self.currentPassword.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentPassword)

        self.newLabel = QLabel(ChangePasswordDialog)
        self.newLabel.setObjectName(u"newLabel")
        self.newLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newPassword = QLineEdit(ChangePasswordDialog)
        self.newPassword.setObjectName(u"newPassword")
        self.newPassword.setEchoMode(QLineEdit.Password)
        self.newPassword.setMaxLength(1000)
        self.newPassword.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPassword)

        self.againLabel = QLabel(ChangePasswordDialog)
        self.againLabel.setObjectName(u"againLabel")
        self.againLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.newPasswordAgain = QLineEdit(ChangePasswordDialog)
        self.newPasswordAgain.setObjectName(u"newPasswordAgain")
        self.newPasswordAgain.setEchoMode(QLineEdit.Password)
        self.newPasswordAgain.setMaxLength(1000)
        self.newPasswordAgain.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newPasswordAgain)


        self.layout.addLayout(self.fields)

        self.rules = QLabel(ChangePasswordDialog)
        self.rules.setObjectName(u"rules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.rules)

        self.problem = QLabel(ChangePasswordDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ChangePasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.currentPassword)
        self.newLabel.setBuddy(self.newPassword)
        self.againLabel.setBuddy(self.newPasswordAgain)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.currentPassword, self.newPassword)
        QWidget.setTabOrder(self.newPassword, self.newPasswordAgain)
        QWidget.setTabOrder(self.newPasswordAgain, self.buttons)

        self.retranslateUi(ChangePasswordDialog)

        QMetaObject.connectSlotsByName(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"Change my password", None))
        self.heading.setText(QCoreApplication.translate("ChangePasswordDialog", u"Change my password", None))
        self.intro.setText(QCoreApplication.translate("ChangePasswordDialog", u"Choose a new password that only you know.", None))
        self.currentLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&Current password", None))
#if QT_CONFIG(accessibility)
        self.currentPassword.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Current password", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&New password", None))
#if QT_CONFIG(accessibility)
        self.newPassword.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.againLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"New password &again", None))
#if QT_CONFIG(accessibility)
        self.newPasswordAgain.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"New password again", None))
#endif // QT_CONFIG(accessibility)
        self.rules.setText(QCoreApplication.translate("ChangePasswordDialog", u"At least 10 characters, or three or more words (for example \u201cpurple kettle morning\u201d). Not your username.", None))
        self.problem.setText("")
    # retranslateUi

