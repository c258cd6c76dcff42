# Generated from ui/unlock_database.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_database.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_UnlockDatabaseDialog(object):
    def setupUi(self, UnlockDatabaseDialog):
        if not UnlockDatabaseDialog.objectName():
            UnlockDatabaseDialog.setObjectName(u"UnlockDatabaseDialog")
        UnlockDatabaseDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(UnlockDatabaseDialog)
        self.layout.setSpacing(12)
        self.layout.setObjectName(u"layout")
        self.reason = QLabel(UnlockDatabaseDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setWordWrap(True)

        self.layout.addWidget(self.reason)

        self.intro = QLabel(UnlockDatabaseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.passphraseLabel = QLabel(UnlockDatabaseDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphrase = QLineEdit(UnlockDatabaseDialog)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(1000)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.confirmLabel = QLabel(UnlockDatabaseDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(UnlockDatabaseDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setMaxLength(1000)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.layout.addLayout(self.form)

        self.remember = QCheckBox(UnlockDatabaseDialog)
        self.remember.setObjectName(u"remember")
        self.remember.setChecked(True)

        self.layout.addWidget(self.remember)

        self.problem = QLabel(UnlockDatabaseDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(UnlockDatabaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphrase)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphrase, self.confirm)
        QWidget.setTabOrder(self.confirm, self.remember)

        self.retranslateUi(UnlockDatabaseDialog)

        QMetaObject.connectSlotsByName(UnlockDatabaseDialog)
    # setupUi

    def retranslateUi(self, UnlockDatabaseDialog):
        UnlockDatabaseDialog.setWindowTitle(QCoreApplication.translate("UnlockDatabaseDialog", u"Open the database", None))
        self.reason.setText(QCoreApplication.translate("UnlockDatabaseDialog", u"Careplan cannot open the database.", None))
        self.intro.setText(QCoreApplication.translate("UnlockDatabaseDialog", u"Type the recovery passphrase that was set when the database was made.", None))
        self.passphraseLabel.setText(QCoreApplication.translate("UnlockDatabaseDialog", u"&Recovery passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphrase.setAccessibleName(QCoreApplication.translate("UnlockDatabaseDialog", u"Recovery passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("UnlockDatabaseDialog", u"The &same again", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("UnlockDatabaseDialog", u"The same recovery passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.remember.setText(QCoreApplication.translate("UnlockDatabaseDialog", u"&Keep the key in this computer's keyring (no passphrase next time)", None))
#if QT_CONFIG(accessibility)
        self.remember.setAccessibleName(QCoreApplication.translate("UnlockDatabaseDialog", u"Keep the key in this computer's keyring", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setText("")
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("UnlockDatabaseDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

