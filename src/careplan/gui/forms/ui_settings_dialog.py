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
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.setMinimumSize(QSize(600, 0))
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

        self.reviewsGroup = QGroupBox(SettingsDialog)
        self.reviewsGroup.setObjectName(u"reviewsGroup")
        self.reviewsLayout = QVBoxLayout(self.reviewsGroup)
        self.reviewsLayout.setObjectName(u"reviewsLayout")
        self.firstWeeksRow = QHBoxLayout()
        self.firstWeeksRow.setObjectName(u"firstWeeksRow")
        self.firstWeeksLabel = QLabel(self.reviewsGroup)
        self.firstWeeksLabel.setObjectName(u"firstWeeksLabel")

        self.firstWeeksRow.addWidget(self.firstWeeksLabel)

        self.firstWeeks = QSpinBox(self.reviewsGroup)
        self.firstWeeks.setObjectName(u"firstWeeks")
        self.firstWeeks.setMinimumSize(QSize(80, 36))
        self.firstWeeks.setMinimum(6)
        self.firstWeeks.setMaximum(8)
        self.firstWeeks.setValue(7)

        self.firstWeeksRow.addWidget(self.firstWeeks)

        self.firstWeeksEnd = QLabel(self.reviewsGroup)
        self.firstWeeksEnd.setObjectName(u"firstWeeksEnd")

        self.firstWeeksRow.addWidget(self.firstWeeksEnd)

        self.firstWeeksSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.firstWeeksRow.addItem(self.firstWeeksSpacer)


        self.reviewsLayout.addLayout(self.firstWeeksRow)

        self.everyMonthsRow = QHBoxLayout()
        self.everyMonthsRow.setObjectName(u"everyMonthsRow")
        self.everyMonthsLabel = QLabel(self.reviewsGroup)
        self.everyMonthsLabel.setObjectName(u"everyMonthsLabel")

        self.everyMonthsRow.addWidget(self.everyMonthsLabel)

        self.everyMonths = QSpinBox(self.reviewsGroup)
        self.everyMonths.setObjectName(u"everyMonths")
        self.everyMonths.setMinimumSize(QSize(80, 36))
        self.everyMonths.setMinimum(1)
        self.everyMonths.setMaximum(12)
        self.everyMonths.setValue(3)

        self.everyMonthsRow.addWidget(self.everyMonths)

        self.everyMonthsEnd = QLabel(self.reviewsGroup)
        self.everyMonthsEnd.setObjectName(u"everyMonthsEnd")

        self.everyMonthsRow.addWidget(self.everyMonthsEnd)

        self.everyMonthsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.everyMonthsRow.addItem(self.everyMonthsSpacer)


        self.reviewsLayout.addLayout(self.everyMonthsRow)

        self.scheduleWords = QLabel(self.reviewsGroup)
        self.scheduleWords.setObjectName(u"scheduleWords")
        self.scheduleWords.setWordWrap(True)
        self.scheduleWords.setTextFormat(Qt.PlainText)

        self.reviewsLayout.addWidget(self.scheduleWords)

        self.measuresRow = QHBoxLayout()
        self.measuresRow.setObjectName(u"measuresRow")
        self.scheduleHint = QLabel(self.reviewsGroup)
        self.scheduleHint.setObjectName(u"scheduleHint")
        self.scheduleHint.setWordWrap(True)
        self.scheduleHint.setTextFormat(Qt.PlainText)

        self.measuresRow.addWidget(self.scheduleHint)

        self.measuresButton = QPushButton(self.reviewsGroup)
        self.measuresButton.setObjectName(u"measuresButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.measuresButton.sizePolicy().hasHeightForWidth())
        self.measuresButton.setSizePolicy(sizePolicy)
        self.measuresButton.setAutoDefault(False)
        self.measuresButton.setMinimumSize(QSize(0, 36))

        self.measuresRow.addWidget(self.measuresButton)


        self.reviewsLayout.addLayout(self.measuresRow)


        self.layout.addWidget(self.reviewsGroup)

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
        self.firstWeeksLabel.setBuddy(self.firstWeeks)
        self.everyMonthsLabel.setBuddy(self.everyMonths)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lockAfter, self.serviceName)
        QWidget.setTabOrder(self.serviceName, self.firstWeeks)
        QWidget.setTabOrder(self.firstWeeks, self.everyMonths)
        QWidget.setTabOrder(self.everyMonths, self.measuresButton)
        QWidget.setTabOrder(self.measuresButton, self.buttons)

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
        self.reviewsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Reviews", None))
        self.firstWeeksLabel.setText(QCoreApplication.translate("SettingsDialog", u"&First review", None))
#if QT_CONFIG(accessibility)
        self.firstWeeks.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"First review, weeks after a plan is approved (6 to 8)", None))
#endif // QT_CONFIG(accessibility)
        self.firstWeeksEnd.setText(QCoreApplication.translate("SettingsDialog", u"weeks after a plan is approved (6 to 8)", None))
        self.everyMonthsLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Then one every", None))
#if QT_CONFIG(accessibility)
        self.everyMonths.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Then a review every this many months (1 to 12)", None))
#endif // QT_CONFIG(accessibility)
        self.everyMonthsEnd.setText(QCoreApplication.translate("SettingsDialog", u"months (1 to 12), and a full review at a year", None))
        self.scheduleWords.setText("")
        self.scheduleHint.setText(QCoreApplication.translate("SettingsDialog", u"Plans approved from now on, and reviews ended, are booked so; reviews already booked keep their dates.", None))
        self.measuresButton.setText(QCoreApplication.translate("SettingsDialog", u"Outcome &measures\u2026", None))
#if QT_CONFIG(accessibility)
        self.measuresButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Outcome measures", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.measuresButton.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"The questions asked at reviews, and loading more from a file", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setText("")
    # retranslateUi

