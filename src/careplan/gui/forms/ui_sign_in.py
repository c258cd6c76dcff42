# Generated from ui/sign_in.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.setMinimumSize(QSize(440, 0))
        self.layout = QVBoxLayout(SignInDialog)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(SignInDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.heading)

        self.demoNote = QLabel(SignInDialog)
        self.demoNote.setObjectName(u"demoNote")
        self.demoNote.setWordWrap(True)
        self.demoNote.setTextFormat(Qt.PlainText)
        self.demoNote.setProperty(u"role", u"notice")

        self.layout.addWidget(self.demoNote)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignLeft|Qt.AlignVCenter)
        self.usernameLabel = QLabel(SignInDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")
        self.usernameLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(SignInDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(64)
        self.username.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(SignInDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")
        self.passwordLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(SignInDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setMaxLength(1000)
        self.password.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.layout.addLayout(self.fields)

        self.capsLock = QLabel(SignInDialog)
        self.capsLock.setObjectName(u"capsLock")
        self.capsLock.setWordWrap(True)
        self.capsLock.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.capsLock)

        self.problem = QLabel(SignInDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.lockedOutButton = QPushButton(SignInDialog)
        self.lockedOutButton.setObjectName(u"lockedOutButton")
        self.lockedOutButton.setMinimumSize(QSize(0, 40))
        self.lockedOutButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.lockedOutButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(SignInDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setMinimumSize(QSize(0, 40))
        self.quitButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.quitButton)

        self.signInButton = QPushButton(SignInDialog)
        self.signInButton.setObjectName(u"signInButton")
        self.signInButton.setMinimumSize(QSize(0, 40))
        self.signInButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.signInButton)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.quitButton)
        QWidget.setTabOrder(self.quitButton, self.lockedOutButton)

        self.retranslateUi(SignInDialog)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Sign in to Careplan", None))
        self.heading.setText(QCoreApplication.translate("SignInDialog", u"Sign in to Careplan", None))
        self.demoNote.setText(QCoreApplication.translate("SignInDialog", u"Demo data: everyone in this database is invented.", None))
        self.usernameLabel.setText(QCoreApplication.translate("SignInDialog", u"&Username", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Username", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("SignInDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.capsLock.setText(QCoreApplication.translate("SignInDialog", u"Caps Lock is on.", None))
        self.problem.setText("")
        self.lockedOutButton.setText(QCoreApplication.translate("SignInDialog", u"&Locked out?", None))
#if QT_CONFIG(accessibility)
        self.lockedOutButton.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Locked out?", None))
#endif // QT_CONFIG(accessibility)
        self.quitButton.setText(QCoreApplication.translate("SignInDialog", u"&Quit", None))
        self.signInButton.setText(QCoreApplication.translate("SignInDialog", u"&Sign in", None))
    # retranslateUi

