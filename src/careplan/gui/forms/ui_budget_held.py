# Generated from ui/budget_held.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'budget_held.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_BudgetHeldDialog(object):
    def setupUi(self, BudgetHeldDialog):
        if not BudgetHeldDialog.objectName():
            BudgetHeldDialog.setObjectName(u"BudgetHeldDialog")
        BudgetHeldDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(BudgetHeldDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(BudgetHeldDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.wayBox = QGroupBox(BudgetHeldDialog)
        self.wayBox.setObjectName(u"wayBox")
        self.wayLayout = QVBoxLayout(self.wayBox)
        self.wayLayout.setObjectName(u"wayLayout")
        self.service = QRadioButton(self.wayBox)
        self.service.setObjectName(u"service")

        self.wayLayout.addWidget(self.service)

        self.thirdParty = QRadioButton(self.wayBox)
        self.thirdParty.setObjectName(u"thirdParty")

        self.wayLayout.addWidget(self.thirdParty)

        self.directPayment = QRadioButton(self.wayBox)
        self.directPayment.setObjectName(u"directPayment")

        self.wayLayout.addWidget(self.directPayment)


        self.layout.addWidget(self.wayBox)

        self.periodLayout = QFormLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodStartLabel = QLabel(BudgetHeldDialog)
        self.periodStartLabel.setObjectName(u"periodStartLabel")

        self.periodLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodStartLabel)

        self.periodStart = QDateEdit(BudgetHeldDialog)
        self.periodStart.setObjectName(u"periodStart")
        self.periodStart.setCalendarPopup(True)

        self.periodLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodStart)

        self.periodEndLabel = QLabel(BudgetHeldDialog)
        self.periodEndLabel.setObjectName(u"periodEndLabel")

        self.periodLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodEndLabel)

        self.periodEnd = QDateEdit(BudgetHeldDialog)
        self.periodEnd.setObjectName(u"periodEnd")
        self.periodEnd.setCalendarPopup(True)

        self.periodLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.periodEnd)


        self.layout.addLayout(self.periodLayout)

        self.problem = QLabel(BudgetHeldDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(BudgetHeldDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.periodStartLabel.setBuddy(self.periodStart)
        self.periodEndLabel.setBuddy(self.periodEnd)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BudgetHeldDialog)

        QMetaObject.connectSlotsByName(BudgetHeldDialog)
    # setupUi

    def retranslateUi(self, BudgetHeldDialog):
        BudgetHeldDialog.setWindowTitle(QCoreApplication.translate("BudgetHeldDialog", u"How the money is held", None))
        self.wayBox.setTitle(QCoreApplication.translate("BudgetHeldDialog", u"How the money is held", None))
        self.service.setText(QCoreApplication.translate("BudgetHeldDialog", u"&Held by the service (a notional budget)", None))
        self.thirdParty.setText(QCoreApplication.translate("BudgetHeldDialog", u"&Managed by a third party", None))
        self.directPayment.setText(QCoreApplication.translate("BudgetHeldDialog", u"A &direct payment to the person", None))
        self.periodStartLabel.setText(QCoreApplication.translate("BudgetHeldDialog", u"The period &starts", None))
#if QT_CONFIG(accessibility)
        self.periodStart.setAccessibleName(QCoreApplication.translate("BudgetHeldDialog", u"The period starts", None))
#endif // QT_CONFIG(accessibility)
        self.periodStart.setDisplayFormat(QCoreApplication.translate("BudgetHeldDialog", u"d MMMM yyyy", None))
        self.periodEndLabel.setText(QCoreApplication.translate("BudgetHeldDialog", u"The period &ends", None))
#if QT_CONFIG(accessibility)
        self.periodEnd.setAccessibleName(QCoreApplication.translate("BudgetHeldDialog", u"The period ends", None))
#endif // QT_CONFIG(accessibility)
        self.periodEnd.setDisplayFormat(QCoreApplication.translate("BudgetHeldDialog", u"d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("BudgetHeldDialog", u"Why it was not saved", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

