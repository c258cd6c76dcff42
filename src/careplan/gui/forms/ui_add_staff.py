# Generated from ui/add_staff.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'add_staff.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AddStaffDialog(object):
    def setupUi(self, AddStaffDialog):
        if not AddStaffDialog.objectName():
            AddStaffDialog.setObjectName(u"AddStaffDialog")
        AddStaffDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(AddStaffDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(AddStaffDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignLeft|Qt.AlignVCenter)
        self.displayNameLabel = QLabel(AddStaffDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")
        self.displayNameLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayName = QLineEdit(AddStaffDialog)
        self.displayName.setObjectName(u"displayName")
        self.displayName.setMaxLength(120)
        self.displayName.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.displayName)

        self.usernameLabel = QLabel(AddStaffDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")
        self.usernameLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(AddStaffDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(64)
        self.username.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username)

        self.roleLabel = QLabel(AddStaffDialog)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(AddStaffDialog)
        self.role.setObjectName(u"role")
        self.role.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.passwordLabel = QLabel(AddStaffDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")
        self.passwordLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(AddStaffDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setMaxLength(1000)
        self.password.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password)

        self.passwordAgainLabel = QLabel(AddStaffDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")
        self.passwordAgainLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgain = QLineEdit(AddStaffDialog)
        self.passwordAgain.setObjectName(u"passwordAgain")
        self.passwordAgain.setEchoMode(QLineEdit.Password)
        self.passwordAgain.setMaxLength(1000)
        self.passwordAgain.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordAgain)


        self.layout.addLayout(self.fields)

        self.rules = QLabel(AddStaffDialog)
        self.rules.setObjectName(u"rules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.rules)

        self.problem = QLabel(AddStaffDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(AddStaffDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.displayNameLabel.setBuddy(self.displayName)
        self.usernameLabel.setBuddy(self.username)
        self.roleLabel.setBuddy(self.role)
        self.passwordLabel.setBuddy(self.password)
        self.passwordAgainLabel.setBuddy(self.passwordAgain)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.displayName, self.username)
        QWidget.setTabOrder(self.username, self.role)
        QWidget.setTabOrder(self.role, self.password)
        QWidget.setTabOrder(self.password, self.passwordAgain)
        QWidget.setTabOrder(self.passwordAgain, self.buttons)

        self.retranslateUi(AddStaffDialog)

        QMetaObject.connectSlotsByName(AddStaffDialog)
    # setupUi

    def retranslateUi(self, AddStaffDialog):
        AddStaffDialog.setWindowTitle(QCoreApplication.translate("AddStaffDialog", u"Add a member of staff", None))
        self.intro.setText(QCoreApplication.translate("AddStaffDialog", u"They sign in with the username and this first password, then choose their own.", None))
        self.displayNameLabel.setText(QCoreApplication.translate("AddStaffDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.displayName.setAccessibleName(QCoreApplication.translate("AddStaffDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameLabel.setText(QCoreApplication.translate("AddStaffDialog", u"&Username", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("AddStaffDialog", u"Username", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.username.setAccessibleDescription(QCoreApplication.translate("AddStaffDialog", u"Lower-case letters and digits; they type this to sign in.", None))
#endif // QT_CONFIG(accessibility)
        self.username.setPlaceholderText(QCoreApplication.translate("AddStaffDialog", u"for example sam", None))
        self.roleLabel.setText(QCoreApplication.translate("AddStaffDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.role.setAccessibleName(QCoreApplication.translate("AddStaffDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("AddStaffDialog", u"First &password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("AddStaffDialog", u"First password", None))
#endif // QT_CONFIG(accessibility)
        self.passwordAgainLabel.setText(QCoreApplication.translate("AddStaffDialog", u"Password &again", None))
#if QT_CONFIG(accessibility)
        self.passwordAgain.setAccessibleName(QCoreApplication.translate("AddStaffDialog", u"First password again", None))
#endif // QT_CONFIG(accessibility)
        self.rules.setText(QCoreApplication.translate("AddStaffDialog", u"At least 10 characters, or three or more words (for example \u201cpurple kettle morning\u201d). Not your username.", None))
        self.problem.setText("")
    # retranslateUi

