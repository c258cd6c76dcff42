# Generated from ui/settings_dialog.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
    QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setSpacing(12)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(SettingsDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.heading)

        self.computerGroup = QGroupBox(SettingsDialog)
        self.computerGroup.setObjectName(u"computerGroup")
        self.computerLayout = QVBoxLayout(self.computerGroup)
        self.computerLayout.setObjectName(u"computerLayout")
        self.lockRow = QHBoxLayout()
        self.lockRow.setObjectName(u"lockRow")
        self.lockAfterLabel = QLabel(self.computerGroup)
        self.lockAfterLabel.setObjectName(u"lockAfterLabel")

        self.lockRow.addWidget(self.lockAfterLabel)

        self.lockAfter = QComboBox(self.computerGroup)
        self.lockAfter.setObjectName(u"lockAfter")
        self.lockAfter.setMinimumSize(QSize(150, 36))

        self.lockRow.addWidget(self.lockAfter)

        self.lockAfterEnd = QLabel(self.computerGroup)
        self.lockAfterEnd.setObjectName(u"lockAfterEnd")

        self.lockRow.addWidget(self.lockAfterEnd)

        self.lockRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lockRow.addItem(self.lockRowSpacer)


        self.computerLayout.addLayout(self.lockRow)

        self.lockHint = QLabel(self.computerGroup)
        self.lockHint.setObjectName(u"lockHint")
        self.lockHint.setWordWrap(True)
        self.lockHint.setTextFormat(Qt.PlainText)

        self.computerLayout.addWidget(self.lockHint)


        self.layout.addWidget(self.computerGroup)

        self.serviceGroup = QGroupBox(SettingsDialog)
        self.serviceGroup.setObjectName(u"serviceGroup")
        self.serviceLayout = QVBoxLayout(self.serviceGroup)
        self.serviceLayout.setObjectName(u"serviceLayout")
        self.serviceNameLabel = QLabel(self.serviceGroup)
        self.serviceNameLabel.setObjectName(u"serviceNameLabel")

        self.serviceLayout.addWidget(self.serviceNameLabel)

        self.serviceName = QLineEdit(self.serviceGroup)
        self.serviceName.setObjectName(u"serviceName")
        self.serviceName.setMaxLength(120)
        self.serviceName.setMinimumSize(QSize(0, 36))

        self.serviceLayout.addWidget(self.serviceName)


        self.layout.addWidget(self.serviceGroup)

        self.problem = QLabel(SettingsDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.lockAfterLabel.setBuddy(self.lockAfter)
        self.serviceNameLabel.setBuddy(self.serviceName)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lockAfter, self.serviceName)
        QWidget.setTabOrder(self.serviceName, self.buttons)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.heading.setText(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.computerGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"On this computer", None))
        self.lockAfterLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Lock the screen after", None))
#if QT_CONFIG(accessibility)
        self.lockAfter.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Lock the screen after this many minutes of no use", None))
#endif // QT_CONFIG(accessibility)
        self.lockAfterEnd.setText(QCoreApplication.translate("SettingsDialog", u"of no use", None))
        self.lockHint.setText(QCoreApplication.translate("SettingsDialog", u"Everything on the screen is hidden until you type your password again. Ctrl+L locks it at once.", None))
        self.serviceGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"For the whole service", None))
        self.serviceNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Name of the service (printed on agreements)", None))
#if QT_CONFIG(accessibility)
        self.serviceName.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Name of the service (printed on agreements)", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setText("")
    # retranslateUi

