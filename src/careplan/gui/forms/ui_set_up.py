# Generated from ui/set_up.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'set_up.ui'
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

class Ui_SetUpDialog(object):
    def setupUi(self, SetUpDialog):
        if not SetUpDialog.objectName():
            SetUpDialog.setObjectName(u"SetUpDialog")
        SetUpDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(SetUpDialog)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(SetUpDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.heading)

        self.intro = QLabel(SetUpDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignLeft|Qt.AlignVCenter)
        self.displayNameLabel = QLabel(SetUpDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")
        self.displayNameLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayName = QLineEdit(SetUpDialog)
        self.displayName.setObjectName(u"displayName")
        self.displayName.setMaxLength(120)
        self.displayName.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.displayName)

        self.usernameLabel = QLabel(SetUpDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")
        self.usernameLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(SetUpDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(64)
        self.username.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(SetUpDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")
        self.passwordLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(SetUpDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setMaxLength(1000)
        self.password.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.passwordAgainLabel = QLabel(SetUpDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")
        self.passwordAgainLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgain = QLineEdit(SetUpDialog)
        self.passwordAgain.setObjectName(u"passwordAgain")
        self.passwordAgain.setEchoMode(QLineEdit.Password)
        self.passwordAgain.setMaxLength(1000)
        self.passwordAgain.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordAgain)


        self.layout.addLayout(self.fields)

        self.rules = QLabel(SetUpDialog)
        self.rules.setObjectName(u"rules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.rules)

        self.problem = QLabel(SetUpDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(SetUpDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setMinimumSize(QSize(0, 40))
        self.quitButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.quitButton)

        self.setUpButton = QPushButton(SetUpDialog)
        self.setUpButton.setObjectName(u"setUpButton")
        self.setUpButton.setMinimumSize(QSize(0, 40))
        self.setUpButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.setUpButton)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.displayNameLabel.setBuddy(self.displayName)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
        self.passwordAgainLabel.setBuddy(self.passwordAgain)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.displayName, self.username)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.passwordAgain)
        QWidget.setTabOrder(self.passwordAgain, self.setUpButton)
        QWidget.setTabOrder(self.setUpButton, self.quitButton)

        self.retranslateUi(SetUpDialog)

        self.setUpButton.setDefault(True)


        QMetaObject.connectSlotsByName(SetUpDialog)
    # setupUi

    def retranslateUi(self, SetUpDialog):
        SetUpDialog.setWindowTitle(QCoreApplication.translate("SetUpDialog", u"Set up Careplan", None))
        self.heading.setText(QCoreApplication.translate("SetUpDialog", u"Set up Careplan", None))
        self.intro.setText(QCoreApplication.translate("SetUpDialog", u"Nobody is on the staff yet. You will be the first administrator: you add the rest of the team and give them their passwords.", None))
        self.displayNameLabel.setText(QCoreApplication.translate("SetUpDialog", u"Your &name", None))
#if QT_CONFIG(accessibility)
        self.displayName.setAccessibleName(QCoreApplication.translate("SetUpDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameLabel.setText(QCoreApplication.translate("SetUpDialog", u"&Username", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("SetUpDialog", u"Username", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.username.setAccessibleDescription(QCoreApplication.translate("SetUpDialog", u"Lower-case letters and digits; you type this to sign in.", None))
#endif // QT_CONFIG(accessibility)
        self.username.setPlaceholderText(QCoreApplication.translate("SetUpDialog", u"for example ada", None))
        self.passwordLabel.setText(QCoreApplication.translate("SetUpDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("SetUpDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.passwordAgainLabel.setText(QCoreApplication.translate("SetUpDialog", u"Password &again", None))
#if QT_CONFIG(accessibility)
        self.passwordAgain.setAccessibleName(QCoreApplication.translate("SetUpDialog", u"Password again", None))
#endif // QT_CONFIG(accessibility)
        self.rules.setText(QCoreApplication.translate("SetUpDialog", u"At least 10 characters, or three or more words (for example \u201cpurple kettle morning\u201d). Not your username.", None))
        self.problem.setText("")
        self.quitButton.setText(QCoreApplication.translate("SetUpDialog", u"&Quit", None))
        self.setUpButton.setText(QCoreApplication.translate("SetUpDialog", u"Set up and sign &in", None))
    # retranslateUi

