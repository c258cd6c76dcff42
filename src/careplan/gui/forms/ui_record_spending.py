# Generated from ui/record_spending.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'record_spending.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RecordSpendingDialog(object):
    def setupUi(self, RecordSpendingDialog):
        if not RecordSpendingDialog.objectName():
            RecordSpendingDialog.setObjectName(u"RecordSpendingDialog")
        RecordSpendingDialog.setMinimumSize(QSize(640, 0))
        self.layout = QVBoxLayout(RecordSpendingDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(RecordSpendingDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.serviceLabel = QLabel(RecordSpendingDialog)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.service = QComboBox(RecordSpendingDialog)
        self.service.setObjectName(u"service")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.service)

        self.amountLabel = QLabel(RecordSpendingDialog)
        self.amountLabel.setObjectName(u"amountLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amount = QLineEdit(RecordSpendingDialog)
        self.amount.setObjectName(u"amount")
        self.amount.setMaxLength(20)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amount)

        self.spentOnLabel = QLabel(RecordSpendingDialog)
        self.spentOnLabel.setObjectName(u"spentOnLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.spentOnLabel)

        self.spentOn = QDateEdit(RecordSpendingDialog)
        self.spentOn.setObjectName(u"spentOn")
        self.spentOn.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.spentOn)

        self.supplierLabel = QLabel(RecordSpendingDialog)
        self.supplierLabel.setObjectName(u"supplierLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.supplierLabel)

        self.supplier = QLineEdit(RecordSpendingDialog)
        self.supplier.setObjectName(u"supplier")
        self.supplier.setMaxLength(120)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.supplier)

        self.whatForLabel = QLabel(RecordSpendingDialog)
        self.whatForLabel.setObjectName(u"whatForLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.whatForLabel)

        self.whatFor = QLineEdit(RecordSpendingDialog)
        self.whatFor.setObjectName(u"whatFor")
        self.whatFor.setMaxLength(200)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.whatFor)

        self.referenceLabel = QLabel(RecordSpendingDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.reference = QLineEdit(RecordSpendingDialog)
        self.reference.setObjectName(u"reference")
        self.reference.setMaxLength(60)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reference)

        self.receiptLabel = QLabel(RecordSpendingDialog)
        self.receiptLabel.setObjectName(u"receiptLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.receiptLabel)

        self.receiptRow = QHBoxLayout()
        self.receiptRow.setObjectName(u"receiptRow")
        self.receiptChosen = QLabel(RecordSpendingDialog)
        self.receiptChosen.setObjectName(u"receiptChosen")

        self.receiptRow.addWidget(self.receiptChosen)

        self.receiptButton = QPushButton(RecordSpendingDialog)
        self.receiptButton.setObjectName(u"receiptButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.receiptButton.sizePolicy().hasHeightForWidth())
        self.receiptButton.setSizePolicy(sizePolicy)

        self.receiptRow.addWidget(self.receiptButton)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.receiptRow)

        self.agreementLabel = QLabel(RecordSpendingDialog)
        self.agreementLabel.setObjectName(u"agreementLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.agreementLabel)

        self.agreement = QPlainTextEdit(RecordSpendingDialog)
        self.agreement.setObjectName(u"agreement")
        self.agreement.setTabChangesFocus(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.agreement)


        self.layout.addLayout(self.form)

        self.problem = QLabel(RecordSpendingDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(RecordSpendingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.serviceLabel.setBuddy(self.service)
        self.amountLabel.setBuddy(self.amount)
        self.spentOnLabel.setBuddy(self.spentOn)
        self.supplierLabel.setBuddy(self.supplier)
        self.whatForLabel.setBuddy(self.whatFor)
        self.referenceLabel.setBuddy(self.reference)
        self.receiptLabel.setBuddy(self.receiptButton)
        self.agreementLabel.setBuddy(self.agreement)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordSpendingDialog)

        QMetaObject.connectSlotsByName(RecordSpendingDialog)
    # setupUi

    def retranslateUi(self, RecordSpendingDialog):
        RecordSpendingDialog.setWindowTitle(QCoreApplication.translate("RecordSpendingDialog", u"Record spending", None))
        self.serviceLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"&Which service", None))
#if QT_CONFIG(accessibility)
        self.service.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Which service it was for", None))
#endif // QT_CONFIG(accessibility)
        self.amountLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"&Amount", None))
#if QT_CONFIG(accessibility)
        self.amount.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Amount in pounds", None))
#endif // QT_CONFIG(accessibility)
        self.amount.setPlaceholderText(QCoreApplication.translate("RecordSpendingDialog", u"for example 12.50", None))
        self.spentOnLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"&Date bought or paid", None))
#if QT_CONFIG(accessibility)
        self.spentOn.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Date bought or paid", None))
#endif // QT_CONFIG(accessibility)
        self.spentOn.setDisplayFormat(QCoreApplication.translate("RecordSpendingDialog", u"d MMMM yyyy", None))
        self.supplierLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"&Supplier", None))
#if QT_CONFIG(accessibility)
        self.supplier.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Who was paid", None))
#endif // QT_CONFIG(accessibility)
        self.supplier.setPlaceholderText(QCoreApplication.translate("RecordSpendingDialog", u"who was paid", None))
        self.whatForLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"What it was &for", None))
#if QT_CONFIG(accessibility)
        self.whatFor.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"What it was for", None))
#endif // QT_CONFIG(accessibility)
        self.whatFor.setPlaceholderText(QCoreApplication.translate("RecordSpendingDialog", u"can be left empty", None))
        self.referenceLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"&Reference", None))
#if QT_CONFIG(accessibility)
        self.reference.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Invoice or receipt number", None))
#endif // QT_CONFIG(accessibility)
        self.reference.setPlaceholderText(QCoreApplication.translate("RecordSpendingDialog", u"invoice or receipt number, can be left empty", None))
        self.receiptLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"Recei&pt", None))
        self.receiptChosen.setText(QCoreApplication.translate("RecordSpendingDialog", u"None chosen (PDF or picture, 2 MB at most)", None))
        self.receiptButton.setText(QCoreApplication.translate("RecordSpendingDialog", u"Choose a file\u2026", None))
#if QT_CONFIG(accessibility)
        self.receiptButton.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Choose a receipt file", None))
#endif // QT_CONFIG(accessibility)
        self.agreementLabel.setText(QCoreApplication.translate("RecordSpendingDialog", u"&Manager's agreement", None))
#if QT_CONFIG(accessibility)
        self.agreement.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"The manager's written agreement to spend more than is set aside", None))
#endif // QT_CONFIG(accessibility)
        self.agreement.setPlaceholderText(QCoreApplication.translate("RecordSpendingDialog", u"only when spending more than is set aside: your words, as the manager agreeing", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("RecordSpendingDialog", u"Why it was not recorded", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

