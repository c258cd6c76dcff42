# Generated from ui/record_consent.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'record_consent.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RecordConsentDialog(object):
    def setupUi(self, RecordConsentDialog):
        if not RecordConsentDialog.objectName():
            RecordConsentDialog.setObjectName(u"RecordConsentDialog")
        RecordConsentDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(RecordConsentDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(RecordConsentDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.whatLabel = QLabel(RecordConsentDialog)
        self.whatLabel.setObjectName(u"whatLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whatLabel)

        self.what = QLineEdit(RecordConsentDialog)
        self.what.setObjectName(u"what")
        self.what.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.what)

        self.whatProblem = QLabel(RecordConsentDialog)
        self.whatProblem.setObjectName(u"whatProblem")
        self.whatProblem.setProperty(u"role", u"problem")
        self.whatProblem.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.whatProblem)

        self.withWhomLabel = QLabel(RecordConsentDialog)
        self.withWhomLabel.setObjectName(u"withWhomLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.withWhomLabel)

        self.withWhom = QLineEdit(RecordConsentDialog)
        self.withWhom.setObjectName(u"withWhom")
        self.withWhom.setMaxLength(200)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.withWhom)

        self.withWhomProblem = QLabel(RecordConsentDialog)
        self.withWhomProblem.setObjectName(u"withWhomProblem")
        self.withWhomProblem.setProperty(u"role", u"problem")
        self.withWhomProblem.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.withWhomProblem)

        self.givenOnLabel = QLabel(RecordConsentDialog)
        self.givenOnLabel.setObjectName(u"givenOnLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.givenOnLabel)

        self.givenOn = QLineEdit(RecordConsentDialog)
        self.givenOn.setObjectName(u"givenOn")
        self.givenOn.setMaxLength(30)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.givenOn)

        self.givenOnProblem = QLabel(RecordConsentDialog)
        self.givenOnProblem.setObjectName(u"givenOnProblem")
        self.givenOnProblem.setProperty(u"role", u"problem")
        self.givenOnProblem.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.givenOnProblem)


        self.layout.addLayout(self.form)

        self.problem = QLabel(RecordConsentDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(RecordConsentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.whatLabel.setBuddy(self.what)
        self.withWhomLabel.setBuddy(self.withWhom)
        self.givenOnLabel.setBuddy(self.givenOn)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.what, self.withWhom)
        QWidget.setTabOrder(self.withWhom, self.givenOn)

        self.retranslateUi(RecordConsentDialog)

        QMetaObject.connectSlotsByName(RecordConsentDialog)
    # setupUi

    def retranslateUi(self, RecordConsentDialog):
        RecordConsentDialog.setWindowTitle(QCoreApplication.translate("RecordConsentDialog", u"Agree to share something", None))
        self.intro.setText(QCoreApplication.translate("RecordConsentDialog", u"Write down what the person agrees we may share, and who with.", None))
        self.whatLabel.setText(QCoreApplication.translate("RecordConsentDialog", u"&What can be shared?", None))
#if QT_CONFIG(accessibility)
        self.what.setAccessibleName(QCoreApplication.translate("RecordConsentDialog", u"What can be shared", None))
#endif // QT_CONFIG(accessibility)
        self.what.setPlaceholderText(QCoreApplication.translate("RecordConsentDialog", u"for example my care plan", None))
        self.withWhomLabel.setText(QCoreApplication.translate("RecordConsentDialog", u"Who &with?", None))
#if QT_CONFIG(accessibility)
        self.withWhom.setAccessibleName(QCoreApplication.translate("RecordConsentDialog", u"Who it can be shared with", None))
#endif // QT_CONFIG(accessibility)
        self.withWhom.setPlaceholderText(QCoreApplication.translate("RecordConsentDialog", u"for example my GP", None))
        self.givenOnLabel.setText(QCoreApplication.translate("RecordConsentDialog", u"Agreed &on", None))
#if QT_CONFIG(accessibility)
        self.givenOn.setAccessibleName(QCoreApplication.translate("RecordConsentDialog", u"Agreed on", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.givenOn.setAccessibleDescription(QCoreApplication.translate("RecordConsentDialog", u"The day the person agreed: day, month and year, for example 04/03/2027.", None))
#endif // QT_CONFIG(accessibility)
        self.givenOn.setPlaceholderText(QCoreApplication.translate("RecordConsentDialog", u"DD/MM/YYYY", None))
    # retranslateUi

