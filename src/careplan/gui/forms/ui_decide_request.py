# Generated from ui/decide_request.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decide_request.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QRadioButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_DecideRequestDialog(object):
    def setupUi(self, DecideRequestDialog):
        if not DecideRequestDialog.objectName():
            DecideRequestDialog.setObjectName(u"DecideRequestDialog")
        DecideRequestDialog.setMinimumSize(QSize(600, 0))
        self.layout = QVBoxLayout(DecideRequestDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(DecideRequestDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.exchange = QLabel(DecideRequestDialog)
        self.exchange.setObjectName(u"exchange")
        self.exchange.setWordWrap(True)
        self.exchange.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.exchange)

        self.choiceBox = QGroupBox(DecideRequestDialog)
        self.choiceBox.setObjectName(u"choiceBox")
        self.choiceLayout = QVBoxLayout(self.choiceBox)
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.yesChoice = QRadioButton(self.choiceBox)
        self.yesChoice.setObjectName(u"yesChoice")
        self.yesChoice.setChecked(True)

        self.choiceLayout.addWidget(self.yesChoice)

        self.catalogueChoice = QRadioButton(self.choiceBox)
        self.catalogueChoice.setObjectName(u"catalogueChoice")

        self.choiceLayout.addWidget(self.catalogueChoice)

        self.noChoice = QRadioButton(self.choiceBox)
        self.noChoice.setObjectName(u"noChoice")

        self.choiceLayout.addWidget(self.noChoice)

        self.askChoice = QRadioButton(self.choiceBox)
        self.askChoice.setObjectName(u"askChoice")

        self.choiceLayout.addWidget(self.askChoice)


        self.layout.addWidget(self.choiceBox)

        self.wordsLabel = QLabel(DecideRequestDialog)
        self.wordsLabel.setObjectName(u"wordsLabel")

        self.layout.addWidget(self.wordsLabel)

        self.words = QPlainTextEdit(DecideRequestDialog)
        self.words.setObjectName(u"words")
        self.words.setTabChangesFocus(True)

        self.layout.addWidget(self.words)

        self.wordsProblem = QLabel(DecideRequestDialog)
        self.wordsProblem.setObjectName(u"wordsProblem")
        self.wordsProblem.setProperty(u"role", u"problem")
        self.wordsProblem.setWordWrap(True)

        self.layout.addWidget(self.wordsProblem)

        self.priceBox = QWidget(DecideRequestDialog)
        self.priceBox.setObjectName(u"priceBox")
        self.priceLayout = QFormLayout(self.priceBox)
        self.priceLayout.setObjectName(u"priceLayout")
        self.priceLayout.setContentsMargins(0, 0, 0, 0)
        self.priceLabel = QLabel(self.priceBox)
        self.priceLabel.setObjectName(u"priceLabel")

        self.priceLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.priceLabel)

        self.price = QLineEdit(self.priceBox)
        self.price.setObjectName(u"price")
        self.price.setMinimumSize(QSize(0, 40))

        self.priceLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.price)

        self.priceProblem = QLabel(self.priceBox)
        self.priceProblem.setObjectName(u"priceProblem")
        self.priceProblem.setProperty(u"role", u"problem")
        self.priceProblem.setWordWrap(True)

        self.priceLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.priceProblem)

        self.unitLabel = QLabel(self.priceBox)
        self.unitLabel.setObjectName(u"unitLabel")

        self.priceLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QComboBox(self.priceBox)
        self.unit.setObjectName(u"unit")
        self.unit.setMinimumSize(QSize(0, 40))

        self.priceLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit)

        self.providerLabel = QLabel(self.priceBox)
        self.providerLabel.setObjectName(u"providerLabel")

        self.priceLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.providerLabel)

        self.provider = QLineEdit(self.priceBox)
        self.provider.setObjectName(u"provider")
        self.provider.setMinimumSize(QSize(0, 40))

        self.priceLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.provider)

        self.providerProblem = QLabel(self.priceBox)
        self.providerProblem.setObjectName(u"providerProblem")
        self.providerProblem.setProperty(u"role", u"problem")
        self.providerProblem.setWordWrap(True)

        self.priceLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.providerProblem)


        self.layout.addWidget(self.priceBox)

        self.problem = QLabel(DecideRequestDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(DecideRequestDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.wordsLabel.setBuddy(self.words)
        self.priceLabel.setBuddy(self.price)
        self.unitLabel.setBuddy(self.unit)
        self.providerLabel.setBuddy(self.provider)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yesChoice, self.catalogueChoice)
        QWidget.setTabOrder(self.catalogueChoice, self.noChoice)
        QWidget.setTabOrder(self.noChoice, self.askChoice)
        QWidget.setTabOrder(self.askChoice, self.words)
        QWidget.setTabOrder(self.words, self.price)
        QWidget.setTabOrder(self.price, self.unit)
        QWidget.setTabOrder(self.unit, self.provider)

        self.retranslateUi(DecideRequestDialog)

        QMetaObject.connectSlotsByName(DecideRequestDialog)
    # setupUi

    def retranslateUi(self, DecideRequestDialog):
        DecideRequestDialog.setWindowTitle(QCoreApplication.translate("DecideRequestDialog", u"Decide a request", None))
        self.choiceBox.setTitle(QCoreApplication.translate("DecideRequestDialog", u"What do you decide?", None))
        self.yesChoice.setText(QCoreApplication.translate("DecideRequestDialog", u"&Yes, as a one-off for this person", None))
        self.catalogueChoice.setText(QCoreApplication.translate("DecideRequestDialog", u"Yes, and add it to the Yes, and &add it to the catalogueamp;catalogue", None))
        self.noChoice.setText(QCoreApplication.translate("DecideRequestDialog", u"&No", None))
        self.askChoice.setText(QCoreApplication.translate("DecideRequestDialog", u"&Tell us more", None))
        self.wordsLabel.setText(QCoreApplication.translate("DecideRequestDialog", u"&Anything to add (the person will read it)", None))
#if QT_CONFIG(accessibility)
        self.words.setAccessibleName(QCoreApplication.translate("DecideRequestDialog", u"Anything to add", None))
#endif // QT_CONFIG(accessibility)
        self.priceLabel.setText(QCoreApplication.translate("DecideRequestDialog", u"&Price per unit (\u00a3)", None))
#if QT_CONFIG(accessibility)
        self.price.setAccessibleName(QCoreApplication.translate("DecideRequestDialog", u"Price per unit, in pounds", None))
#endif // QT_CONFIG(accessibility)
        self.unitLabel.setText(QCoreApplication.translate("DecideRequestDialog", u"&Unit", None))
#if QT_CONFIG(accessibility)
        self.unit.setAccessibleName(QCoreApplication.translate("DecideRequestDialog", u"What the price is for", None))
#endif // QT_CONFIG(accessibility)
        self.providerLabel.setText(QCoreApplication.translate("DecideRequestDialog", u"&Who provides it", None))
#if QT_CONFIG(accessibility)
        self.provider.setAccessibleName(QCoreApplication.translate("DecideRequestDialog", u"Who provides it", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

