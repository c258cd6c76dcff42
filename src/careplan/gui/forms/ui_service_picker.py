# Generated from ui/service_picker.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'service_picker.ui'
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
    QFrame, QHBoxLayout, QLabel, QLineEdit,
    QListView, QListWidget, QListWidgetItem, QPlainTextEdit,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QVBoxLayout, QWidget)

class Ui_ServicePickerDialog(object):
    def setupUi(self, ServicePickerDialog):
        if not ServicePickerDialog.objectName():
            ServicePickerDialog.setObjectName(u"ServicePickerDialog")
        ServicePickerDialog.setMinimumSize(QSize(560, 400))
        self.layout = QVBoxLayout(ServicePickerDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ServicePickerDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(ServicePickerDialog)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.search = QLineEdit(ServicePickerDialog)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.search)


        self.layout.addLayout(self.searchRow)

        self.splitter = QSplitter(ServicePickerDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.categoriesPane = QWidget(self.splitter)
        self.categoriesPane.setObjectName(u"categoriesPane")
        self.categoriesLayout = QVBoxLayout(self.categoriesPane)
        self.categoriesLayout.setObjectName(u"categoriesLayout")
        self.categoriesLayout.setContentsMargins(0, 0, 0, 0)
        self.categoriesLabel = QLabel(self.categoriesPane)
        self.categoriesLabel.setObjectName(u"categoriesLabel")

        self.categoriesLayout.addWidget(self.categoriesLabel)

        self.categories = QListWidget(self.categoriesPane)
        self.categories.setObjectName(u"categories")

        self.categoriesLayout.addWidget(self.categories)

        self.splitter.addWidget(self.categoriesPane)
        self.servicesPane = QWidget(self.splitter)
        self.servicesPane.setObjectName(u"servicesPane")
        self.servicesLayout = QVBoxLayout(self.servicesPane)
        self.servicesLayout.setObjectName(u"servicesLayout")
        self.servicesLayout.setContentsMargins(0, 0, 0, 0)
        self.servicesLabel = QLabel(self.servicesPane)
        self.servicesLabel.setObjectName(u"servicesLabel")

        self.servicesLayout.addWidget(self.servicesLabel)

        self.services = QListView(self.servicesPane)
        self.services.setObjectName(u"services")
        self.services.setAlternatingRowColors(True)
        self.services.setWordWrap(True)

        self.servicesLayout.addWidget(self.services)

        self.resultCount = QLabel(self.servicesPane)
        self.resultCount.setObjectName(u"resultCount")
        self.resultCount.setWordWrap(True)

        self.servicesLayout.addWidget(self.resultCount)

        self.splitter.addWidget(self.servicesPane)
        self.detailsScroll = QScrollArea(self.splitter)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsScroll.setWidgetResizable(True)
        self.details = QWidget()
        self.details.setObjectName(u"details")
        self.detailsLayout = QVBoxLayout(self.details)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.serviceName = QLabel(self.details)
        self.serviceName.setObjectName(u"serviceName")
        font = QFont()
        font.setBold(True)
        self.serviceName.setFont(font)
        self.serviceName.setWordWrap(True)

        self.detailsLayout.addWidget(self.serviceName)

        self.provider = QLabel(self.details)
        self.provider.setObjectName(u"provider")
        self.provider.setWordWrap(True)

        self.detailsLayout.addWidget(self.provider)

        self.description = QLabel(self.details)
        self.description.setObjectName(u"description")
        self.description.setWordWrap(True)

        self.detailsLayout.addWidget(self.description)

        self.price = QLabel(self.details)
        self.price.setObjectName(u"price")
        self.price.setWordWrap(True)

        self.detailsLayout.addWidget(self.price)

        self.peerLed = QLabel(self.details)
        self.peerLed.setObjectName(u"peerLed")
        self.peerLed.setWordWrap(True)

        self.detailsLayout.addWidget(self.peerLed)

        self.choice = QWidget(self.details)
        self.choice.setObjectName(u"choice")
        self.choiceLayout = QVBoxLayout(self.choice)
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.choiceLayout.setContentsMargins(0, 0, 0, 0)
        self.quantityRow = QHBoxLayout()
        self.quantityRow.setObjectName(u"quantityRow")
        self.quantityLabel = QLabel(self.choice)
        self.quantityLabel.setObjectName(u"quantityLabel")

        self.quantityRow.addWidget(self.quantityLabel)

        self.quantity = QLineEdit(self.choice)
        self.quantity.setObjectName(u"quantity")
        self.quantity.setMaxLength(12)

        self.quantityRow.addWidget(self.quantity)


        self.choiceLayout.addLayout(self.quantityRow)

        self.goalsLabel = QLabel(self.choice)
        self.goalsLabel.setObjectName(u"goalsLabel")
        self.goalsLabel.setWordWrap(True)

        self.choiceLayout.addWidget(self.goalsLabel)

        self.goalsBox = QWidget(self.choice)
        self.goalsBox.setObjectName(u"goalsBox")
        self.goalsLayout = QVBoxLayout(self.goalsBox)
        self.goalsLayout.setObjectName(u"goalsLayout")
        self.goalsLayout.setContentsMargins(12, 0, 0, 0)

        self.choiceLayout.addWidget(self.goalsBox)

        self.cost = QLabel(self.choice)
        self.cost.setObjectName(u"cost")
        self.cost.setWordWrap(True)

        self.choiceLayout.addWidget(self.cost)

        self.left = QLabel(self.choice)
        self.left.setObjectName(u"left")
        self.left.setWordWrap(True)

        self.choiceLayout.addWidget(self.left)

        self.overrideLabel = QLabel(self.choice)
        self.overrideLabel.setObjectName(u"overrideLabel")
        self.overrideLabel.setWordWrap(True)

        self.choiceLayout.addWidget(self.overrideLabel)

        self.overrideReason = QPlainTextEdit(self.choice)
        self.overrideReason.setObjectName(u"overrideReason")
        self.overrideReason.setTabChangesFocus(True)

        self.choiceLayout.addWidget(self.overrideReason)


        self.detailsLayout.addWidget(self.choice)

        self.problem = QLabel(self.details)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)

        self.detailsLayout.addWidget(self.problem)

        self.detailsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailsLayout.addItem(self.detailsSpacer)

        self.detailsScroll.setWidget(self.details)
        self.splitter.addWidget(self.detailsScroll)

        self.layout.addWidget(self.splitter)

        self.buttons = QDialogButtonBox(ServicePickerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.search)
        self.categoriesLabel.setBuddy(self.categories)
        self.servicesLabel.setBuddy(self.services)
        self.quantityLabel.setBuddy(self.quantity)
        self.overrideLabel.setBuddy(self.overrideReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.search, self.categories)
        QWidget.setTabOrder(self.categories, self.services)
        QWidget.setTabOrder(self.services, self.quantity)
        QWidget.setTabOrder(self.quantity, self.overrideReason)

        self.retranslateUi(ServicePickerDialog)

        QMetaObject.connectSlotsByName(ServicePickerDialog)
    # setupUi

    def retranslateUi(self, ServicePickerDialog):
        ServicePickerDialog.setWindowTitle(QCoreApplication.translate("ServicePickerDialog", u"Choose a service", None))
        self.intro.setText(QCoreApplication.translate("ServicePickerDialog", u"Look through what is on offer. Choose one to see what it costs and what would be left.", None))
        self.searchLabel.setText(QCoreApplication.translate("ServicePickerDialog", u"&Search", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"Search the services", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.search.setAccessibleDescription(QCoreApplication.translate("ServicePickerDialog", u"Type a word to find services by name, provider or what they do. Press Enter or the down arrow to go to the list.", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("ServicePickerDialog", u"Type a word, for example mentor", None))
        self.categoriesLabel.setText(QCoreApplication.translate("ServicePickerDialog", u"&Kinds of help", None))
#if QT_CONFIG(accessibility)
        self.categories.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"Kinds of help", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.categories.setAccessibleDescription(QCoreApplication.translate("ServicePickerDialog", u"Choose a kind of help to see only those services.", None))
#endif // QT_CONFIG(accessibility)
        self.servicesLabel.setText(QCoreApplication.translate("ServicePickerDialog", u"Ser&vices", None))
#if QT_CONFIG(accessibility)
        self.services.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"Services on offer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.services.setAccessibleDescription(QCoreApplication.translate("ServicePickerDialog", u"Each service with its price. Choose one to see more about it.", None))
#endif // QT_CONFIG(accessibility)
        self.serviceName.setText(QCoreApplication.translate("ServicePickerDialog", u"Choose a service from the list to see what it is and what it costs.", None))
        self.quantityLabel.setText(QCoreApplication.translate("ServicePickerDialog", u"How &many?", None))
#if QT_CONFIG(accessibility)
        self.quantity.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"How many", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.quantity.setAccessibleDescription(QCoreApplication.translate("ServicePickerDialog", u"A number, for example 6. Halves are fine, for example 1.5.", None))
#endif // QT_CONFIG(accessibility)
        self.goalsLabel.setText(QCoreApplication.translate("ServicePickerDialog", u"Which of my goals does it help with?", None))
#if QT_CONFIG(accessibility)
        self.goalsBox.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"Goals it helps with", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cost.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"What it would cost", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.left.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"What would be left", None))
#endif // QT_CONFIG(accessibility)
        self.overrideLabel.setText(QCoreApplication.translate("ServicePickerDialog", u"Manager's &reason for going over the budget", None))
#if QT_CONFIG(accessibility)
        self.overrideReason.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"Manager's reason for going over the budget", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.overrideReason.setAccessibleDescription(QCoreApplication.translate("ServicePickerDialog", u"Only needed to agree more than is left. It is kept with the plan.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("ServicePickerDialog", u"Why it was not added", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

