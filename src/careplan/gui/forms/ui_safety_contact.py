# Generated from ui/safety_contact.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'safety_contact.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLayout,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SafetyContactDialog(object):
    def setupUi(self, SafetyContactDialog):
        if not SafetyContactDialog.objectName():
            SafetyContactDialog.setObjectName(u"SafetyContactDialog")
        SafetyContactDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(SafetyContactDialog)
        self.layout.setObjectName(u"layout")
        self.layout.setSizeConstraint(QLayout.SetMinimumSize)
        self.intro = QLabel(SafetyContactDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceLabel = QLabel(SafetyContactDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.voiceRow.addWidget(self.voiceLabel)

        self.voiceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)

        self.switchVoice = QPushButton(SafetyContactDialog)
        self.switchVoice.setObjectName(u"switchVoice")
        self.switchVoice.setMinimumSize(QSize(0, 40))
        self.switchVoice.setAutoDefault(False)

        self.voiceRow.addWidget(self.switchVoice)


        self.layout.addLayout(self.voiceRow)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(SafetyContactDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(SafetyContactDialog)
        self.name.setObjectName(u"name")
        self.name.setMinimumSize(QSize(0, 36))
        self.name.setMaxLength(120)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.nameProblem = QLabel(SafetyContactDialog)
        self.nameProblem.setObjectName(u"nameProblem")
        self.nameProblem.setProperty(u"role", u"problem")
        self.nameProblem.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameProblem)

        self.phoneLabel = QLabel(SafetyContactDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(SafetyContactDialog)
        self.phone.setObjectName(u"phone")
        self.phone.setMinimumSize(QSize(0, 36))
        self.phone.setMaxLength(40)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phone)

        self.phoneProblem = QLabel(SafetyContactDialog)
        self.phoneProblem.setObjectName(u"phoneProblem")
        self.phoneProblem.setProperty(u"role", u"problem")
        self.phoneProblem.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneProblem)


        self.layout.addLayout(self.form)

        self.problem = QLabel(SafetyContactDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(SafetyContactDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.phoneLabel.setBuddy(self.phone)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.phone)
        QWidget.setTabOrder(self.phone, self.switchVoice)

        self.retranslateUi(SafetyContactDialog)

        QMetaObject.connectSlotsByName(SafetyContactDialog)
    # setupUi

    def retranslateUi(self, SafetyContactDialog):
        SafetyContactDialog.setWindowTitle(QCoreApplication.translate("SafetyContactDialog", u"Someone to call", None))
        self.intro.setText(QCoreApplication.translate("SafetyContactDialog", u"Someone you can call when things get hard: a friend, family, a helpline.", None))
        self.voiceLabel.setText(QCoreApplication.translate("SafetyContactDialog", u"New words are saved as", None))
        self.switchVoice.setText(QCoreApplication.translate("SafetyContactDialog", u"Switch who is writing (F4)", None))
#if QT_CONFIG(accessibility)
        self.switchVoice.setAccessibleName(QCoreApplication.translate("SafetyContactDialog", u"Switch who is writing", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("SafetyContactDialog", u"&Who", None))
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("SafetyContactDialog", u"Who to call", None))
#endif // QT_CONFIG(accessibility)
        self.name.setPlaceholderText(QCoreApplication.translate("SafetyContactDialog", u"For example: Jo, my sister", None))
        self.phoneLabel.setText(QCoreApplication.translate("SafetyContactDialog", u"&Phone number", None))
#if QT_CONFIG(accessibility)
        self.phone.setAccessibleName(QCoreApplication.translate("SafetyContactDialog", u"Phone number", None))
#endif // QT_CONFIG(accessibility)
        self.phone.setPlaceholderText(QCoreApplication.translate("SafetyContactDialog", u"For example: 07700 900462", None))
    # retranslateUi

