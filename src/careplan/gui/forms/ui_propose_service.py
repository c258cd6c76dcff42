# Generated from ui/propose_service.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'propose_service.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ProposeServiceDialog(object):
    def setupUi(self, ProposeServiceDialog):
        if not ProposeServiceDialog.objectName():
            ProposeServiceDialog.setObjectName(u"ProposeServiceDialog")
        ProposeServiceDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(ProposeServiceDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ProposeServiceDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.whatLabel = QLabel(ProposeServiceDialog)
        self.whatLabel.setObjectName(u"whatLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whatLabel)

        self.what = QLineEdit(ProposeServiceDialog)
        self.what.setObjectName(u"what")
        self.what.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.what)

        self.providerLabel = QLabel(ProposeServiceDialog)
        self.providerLabel.setObjectName(u"providerLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.providerLabel)

        self.provider = QLineEdit(ProposeServiceDialog)
        self.provider.setObjectName(u"provider")
        self.provider.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.provider)

        self.categoryLabel = QLabel(ProposeServiceDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.category = QComboBox(ProposeServiceDialog)
        self.category.setObjectName(u"category")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category)

        self.unitLabel = QLabel(ProposeServiceDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QComboBox(ProposeServiceDialog)
        self.unit.setObjectName(u"unit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.unit)

        self.costLabel = QLabel(ProposeServiceDialog)
        self.costLabel.setObjectName(u"costLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.costLabel)

        self.cost = QLineEdit(ProposeServiceDialog)
        self.cost.setObjectName(u"cost")
        self.cost.setMaxLength(20)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cost)


        self.layout.addLayout(self.form)

        self.whyLabel = QLabel(ProposeServiceDialog)
        self.whyLabel.setObjectName(u"whyLabel")

        self.layout.addWidget(self.whyLabel)

        self.why = QPlainTextEdit(ProposeServiceDialog)
        self.why.setObjectName(u"why")
        self.why.setTabChangesFocus(True)

        self.layout.addWidget(self.why)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceLabel = QLabel(ProposeServiceDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.voiceRow.addWidget(self.voiceLabel)

        self.personVoice = QRadioButton(ProposeServiceDialog)
        self.personVoice.setObjectName(u"personVoice")
        self.personVoice.setMinimumSize(QSize(0, 40))

        self.voiceRow.addWidget(self.personVoice)

        self.staffVoice = QRadioButton(ProposeServiceDialog)
        self.staffVoice.setObjectName(u"staffVoice")
        self.staffVoice.setMinimumSize(QSize(0, 40))

        self.voiceRow.addWidget(self.staffVoice)

        self.voiceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)


        self.layout.addLayout(self.voiceRow)

        self.problem = QLabel(ProposeServiceDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ProposeServiceDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.whatLabel.setBuddy(self.what)
        self.providerLabel.setBuddy(self.provider)
        self.categoryLabel.setBuddy(self.category)
        self.unitLabel.setBuddy(self.unit)
        self.costLabel.setBuddy(self.cost)
        self.whyLabel.setBuddy(self.why)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.what, self.provider)
        QWidget.setTabOrder(self.provider, self.category)
        QWidget.setTabOrder(self.category, self.unit)
        QWidget.setTabOrder(self.unit, self.cost)
        QWidget.setTabOrder(self.cost, self.why)
        QWidget.setTabOrder(self.why, self.personVoice)
        QWidget.setTabOrder(self.personVoice, self.staffVoice)

        self.retranslateUi(ProposeServiceDialog)

        QMetaObject.connectSlotsByName(ProposeServiceDialog)
    # setupUi

    def retranslateUi(self, ProposeServiceDialog):
        ProposeServiceDialog.setWindowTitle(QCoreApplication.translate("ProposeServiceDialog", u"Ask for something not in the list", None))
        self.intro.setText(QCoreApplication.translate("ProposeServiceDialog", u"Tell us what would help that is not in the list. A manager looks at every request and decides. You will see the answer here.", None))
        self.whatLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"&What is it?", None))
#if QT_CONFIG(accessibility)
        self.what.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"What is it", None))
#endif // QT_CONFIG(accessibility)
        self.what.setPlaceholderText(QCoreApplication.translate("ProposeServiceDialog", u"for example climbing wall membership", None))
        self.providerLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"Who might p&rovide it?", None))
#if QT_CONFIG(accessibility)
        self.provider.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"Who might provide it", None))
#endif // QT_CONFIG(accessibility)
        self.provider.setPlaceholderText(QCoreApplication.translate("ProposeServiceDialog", u"can be left empty", None))
        self.categoryLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"&Kind of help", None))
#if QT_CONFIG(accessibility)
        self.category.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"Kind of help", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.category.setAccessibleDescription(QCoreApplication.translate("ProposeServiceDialog", u"Choose one, or type a new one.", None))
#endif // QT_CONFIG(accessibility)
        self.unitLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"How is it &paid for?", None))
#if QT_CONFIG(accessibility)
        self.unit.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"How is it paid for", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.unit.setAccessibleDescription(QCoreApplication.translate("ProposeServiceDialog", u"How it is paid for: by the session, hour, week, item or course.", None))
#endif // QT_CONFIG(accessibility)
        self.costLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"About how much for &one?", None))
#if QT_CONFIG(accessibility)
        self.cost.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"About how much for one", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cost.setAccessibleDescription(QCoreApplication.translate("ProposeServiceDialog", u"Pounds and pence, for example 12.50. A rough guess is fine.", None))
#endif // QT_CONFIG(accessibility)
        self.cost.setPlaceholderText(QCoreApplication.translate("ProposeServiceDialog", u"for example 12.50 (a rough guess is fine)", None))
        self.whyLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"W&hy it matters to me", None))
#if QT_CONFIG(accessibility)
        self.why.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"Why it matters", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.why.setAccessibleDescription(QCoreApplication.translate("ProposeServiceDialog", u"In the words of whoever is speaking now.", None))
#endif // QT_CONFIG(accessibility)
        self.voiceLabel.setText(QCoreApplication.translate("ProposeServiceDialog", u"Whose words?", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("ProposeServiceDialog", u"Why it was not sent", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

