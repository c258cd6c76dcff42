# Generated from ui/staff_admin.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_admin.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_StaffAdminDialog(object):
    def setupUi(self, StaffAdminDialog):
        if not StaffAdminDialog.objectName():
            StaffAdminDialog.setObjectName(u"StaffAdminDialog")
        StaffAdminDialog.setMinimumSize(QSize(820, 0))
        self.layout = QVBoxLayout(StaffAdminDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(StaffAdminDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.staffTable = QTableView(StaffAdminDialog)
        self.staffTable.setObjectName(u"staffTable")
        self.staffTable.setTabKeyNavigation(False)
        self.staffTable.setMinimumSize(QSize(520, 260))

        self.body.addWidget(self.staffTable)

        self.actions = QVBoxLayout()
        self.actions.setObjectName(u"actions")
        self.addButton = QPushButton(StaffAdminDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setMinimumSize(QSize(0, 40))
        self.addButton.setAutoDefault(False)

        self.actions.addWidget(self.addButton)

        self.selectedLabel = QLabel(StaffAdminDialog)
        self.selectedLabel.setObjectName(u"selectedLabel")
        self.selectedLabel.setWordWrap(True)
        self.selectedLabel.setTextFormat(Qt.PlainText)

        self.actions.addWidget(self.selectedLabel)

        self.roleForm = QFormLayout()
        self.roleForm.setObjectName(u"roleForm")
        self.roleForm.setLabelAlignment(Qt.AlignLeft|Qt.AlignVCenter)
        self.roleLabel = QLabel(StaffAdminDialog)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setMinimumSize(QSize(0, 36))

        self.roleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleChoice = QComboBox(StaffAdminDialog)
        self.roleChoice.setObjectName(u"roleChoice")
        self.roleChoice.setMinimumSize(QSize(0, 36))

        self.roleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleChoice)


        self.actions.addLayout(self.roleForm)

        self.changeRoleButton = QPushButton(StaffAdminDialog)
        self.changeRoleButton.setObjectName(u"changeRoleButton")
        self.changeRoleButton.setMinimumSize(QSize(0, 40))
        self.changeRoleButton.setAutoDefault(False)

        self.actions.addWidget(self.changeRoleButton)

        self.setPasswordButton = QPushButton(StaffAdminDialog)
        self.setPasswordButton.setObjectName(u"setPasswordButton")
        self.setPasswordButton.setMinimumSize(QSize(0, 40))
        self.setPasswordButton.setAutoDefault(False)

        self.actions.addWidget(self.setPasswordButton)

        self.unlockButton = QPushButton(StaffAdminDialog)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setMinimumSize(QSize(0, 40))
        self.unlockButton.setAutoDefault(False)

        self.actions.addWidget(self.unlockButton)

        self.deactivateButton = QPushButton(StaffAdminDialog)
        self.deactivateButton.setObjectName(u"deactivateButton")
        self.deactivateButton.setMinimumSize(QSize(0, 40))
        self.deactivateButton.setAutoDefault(False)

        self.actions.addWidget(self.deactivateButton)

        self.actionsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.actions.addItem(self.actionsSpacer)


        self.body.addLayout(self.actions)

        self.body.setStretch(0, 1)

        self.layout.addLayout(self.body)

        self.problem = QLabel(StaffAdminDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setProperty(u"role", u"problem")

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(StaffAdminDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.roleChoice)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.staffTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.roleChoice)
        QWidget.setTabOrder(self.roleChoice, self.changeRoleButton)
        QWidget.setTabOrder(self.changeRoleButton, self.setPasswordButton)
        QWidget.setTabOrder(self.setPasswordButton, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.deactivateButton)
        QWidget.setTabOrder(self.deactivateButton, self.buttons)

        self.retranslateUi(StaffAdminDialog)

        QMetaObject.connectSlotsByName(StaffAdminDialog)
    # setupUi

    def retranslateUi(self, StaffAdminDialog):
        StaffAdminDialog.setWindowTitle(QCoreApplication.translate("StaffAdminDialog", u"Staff", None))
        self.intro.setText(QCoreApplication.translate("StaffAdminDialog", u"Everyone who can sign in to Careplan. When someone leaves, deactivate their account: they can no longer sign in, and everything they wrote keeps their name. Nothing is deleted.", None))
#if QT_CONFIG(accessibility)
        self.staffTable.setAccessibleName(QCoreApplication.translate("StaffAdminDialog", u"Staff", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("StaffAdminDialog", u"&Add a member of staff\u2026", None))
        self.selectedLabel.setText("")
        self.roleLabel.setText(QCoreApplication.translate("StaffAdminDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleChoice.setAccessibleName(QCoreApplication.translate("StaffAdminDialog", u"Role of the selected member of staff", None))
#endif // QT_CONFIG(accessibility)
        self.changeRoleButton.setText(QCoreApplication.translate("StaffAdminDialog", u"&Change role", None))
        self.setPasswordButton.setText(QCoreApplication.translate("StaffAdminDialog", u"Set a new &password\u2026", None))
        self.unlockButton.setText(QCoreApplication.translate("StaffAdminDialog", u"Un&lock", None))
        self.deactivateButton.setText(QCoreApplication.translate("StaffAdminDialog", u"&Deactivate (they have left)\u2026", None))
        self.problem.setText("")
    # retranslateUi

