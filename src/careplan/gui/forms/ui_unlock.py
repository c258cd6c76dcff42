# Generated from ui/unlock.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock.ui'
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

class Ui_UnlockDialog(object):
    def setupUi(self, UnlockDialog):
        if not UnlockDialog.objectName():
            UnlockDialog.setObjectName(u"UnlockDialog")
        UnlockDialog.setMinimumSize(QSize(440, 0))
        self.layout = QVBoxLayout(UnlockDialog)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(UnlockDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.heading)

        self.who = QLabel(UnlockDialog)
        self.who.setObjectName(u"who")
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.who)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setLabelAlignment(Qt.AlignLeft|Qt.AlignVCenter)
        self.passwordLabel = QLabel(UnlockDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")
        self.passwordLabel.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(UnlockDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setMaxLength(1000)
        self.password.setMinimumSize(QSize(0, 36))

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.password)


        self.layout.addLayout(self.fields)

        self.capsLock = QLabel(UnlockDialog)
        self.capsLock.setObjectName(u"capsLock")
        self.capsLock.setWordWrap(True)
        self.capsLock.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.capsLock)

        self.problem = QLabel(UnlockDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.otherButton = QPushButton(UnlockDialog)
        self.otherButton.setObjectName(u"otherButton")
        self.otherButton.setMinimumSize(QSize(0, 40))
        self.otherButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.otherButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.unlockButton = QPushButton(UnlockDialog)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setMinimumSize(QSize(0, 40))
        self.unlockButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.unlockButton)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.password, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.otherButton)

        self.retranslateUi(UnlockDialog)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockDialog)
    # setupUi

    def retranslateUi(self, UnlockDialog):
        UnlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"Careplan is locked", None))
        self.heading.setText(QCoreApplication.translate("UnlockDialog", u"Unlock Careplan", None))
        self.who.setText("")
        self.passwordLabel.setText(QCoreApplication.translate("UnlockDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("UnlockDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.capsLock.setText(QCoreApplication.translate("UnlockDialog", u"Caps Lock is on.", None))
        self.problem.setText("")
        self.otherButton.setText(QCoreApplication.translate("UnlockDialog", u"Sign in as someone &else", None))
        self.unlockButton.setText(QCoreApplication.translate("UnlockDialog", u"&Unlock", None))
    # retranslateUi

