# Generated from ui/register_person.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_person.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RegisterPersonDialog(object):
    def setupUi(self, RegisterPersonDialog):
        if not RegisterPersonDialog.objectName():
            RegisterPersonDialog.setObjectName(u"RegisterPersonDialog")
        RegisterPersonDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(RegisterPersonDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(RegisterPersonDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.preferredNameLabel = QLabel(RegisterPersonDialog)
        self.preferredNameLabel.setObjectName(u"preferredNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.preferredNameLabel)

        self.preferredName = QLineEdit(RegisterPersonDialog)
        self.preferredName.setObjectName(u"preferredName")
        self.preferredName.setMaxLength(120)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.preferredName)

        self.fullNameLabel = QLabel(RegisterPersonDialog)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullName = QLineEdit(RegisterPersonDialog)
        self.fullName.setObjectName(u"fullName")
        self.fullName.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fullName)

        self.dateOfBirthLabel = QLabel(RegisterPersonDialog)
        self.dateOfBirthLabel.setObjectName(u"dateOfBirthLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateOfBirthLabel)

        self.dateOfBirth = QLineEdit(RegisterPersonDialog)
        self.dateOfBirth.setObjectName(u"dateOfBirth")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateOfBirth)

        self.pronounsLabel = QLabel(RegisterPersonDialog)
        self.pronounsLabel.setObjectName(u"pronounsLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pronounsLabel)

        self.pronouns = QLineEdit(RegisterPersonDialog)
        self.pronouns.setObjectName(u"pronouns")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pronouns)

        self.contactLabel = QLabel(RegisterPersonDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactHow = QComboBox(RegisterPersonDialog)
        self.contactHow.setObjectName(u"contactHow")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contactHow)

        self.contactDetailsLabel = QLabel(RegisterPersonDialog)
        self.contactDetailsLabel.setObjectName(u"contactDetailsLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contactDetailsLabel)

        self.contactDetails = QLineEdit(RegisterPersonDialog)
        self.contactDetails.setObjectName(u"contactDetails")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.contactDetails)


        self.layout.addLayout(self.form)

        self.problem = QLabel(RegisterPersonDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(RegisterPersonDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.preferredNameLabel.setBuddy(self.preferredName)
        self.fullNameLabel.setBuddy(self.fullName)
        self.dateOfBirthLabel.setBuddy(self.dateOfBirth)
        self.pronounsLabel.setBuddy(self.pronouns)
        self.contactLabel.setBuddy(self.contactHow)
        self.contactDetailsLabel.setBuddy(self.contactDetails)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.preferredName, self.fullName)
        QWidget.setTabOrder(self.fullName, self.dateOfBirth)
        QWidget.setTabOrder(self.dateOfBirth, self.pronouns)
        QWidget.setTabOrder(self.pronouns, self.contactHow)
        QWidget.setTabOrder(self.contactHow, self.contactDetails)

        self.retranslateUi(RegisterPersonDialog)

        QMetaObject.connectSlotsByName(RegisterPersonDialog)
    # setupUi

    def retranslateUi(self, RegisterPersonDialog):
        RegisterPersonDialog.setWindowTitle(QCoreApplication.translate("RegisterPersonDialog", u"Add a new person", None))
        self.intro.setText(QCoreApplication.translate("RegisterPersonDialog", u"Only the name they like to be called and their full name are needed now. Everything else can wait.", None))
        self.preferredNameLabel.setText(QCoreApplication.translate("RegisterPersonDialog", u"Likes to be &called", None))
#if QT_CONFIG(accessibility)
        self.preferredName.setAccessibleName(QCoreApplication.translate("RegisterPersonDialog", u"Name they like to be called", None))
#endif // QT_CONFIG(accessibility)
        self.fullNameLabel.setText(QCoreApplication.translate("RegisterPersonDialog", u"&Full name", None))
#if QT_CONFIG(accessibility)
        self.fullName.setAccessibleName(QCoreApplication.translate("RegisterPersonDialog", u"Full name", None))
#endif // QT_CONFIG(accessibility)
        self.dateOfBirthLabel.setText(QCoreApplication.translate("RegisterPersonDialog", u"&Date of birth", None))
#if QT_CONFIG(accessibility)
        self.dateOfBirth.setAccessibleName(QCoreApplication.translate("RegisterPersonDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dateOfBirth.setAccessibleDescription(QCoreApplication.translate("RegisterPersonDialog", u"Day, month and year, for example 04/03/1992. Can be left empty.", None))
#endif // QT_CONFIG(accessibility)
        self.dateOfBirth.setPlaceholderText(QCoreApplication.translate("RegisterPersonDialog", u"DD/MM/YYYY (can be left empty)", None))
        self.pronounsLabel.setText(QCoreApplication.translate("RegisterPersonDialog", u"&Pronouns", None))
#if QT_CONFIG(accessibility)
        self.pronouns.setAccessibleName(QCoreApplication.translate("RegisterPersonDialog", u"Pronouns", None))
#endif // QT_CONFIG(accessibility)
        self.pronouns.setPlaceholderText(QCoreApplication.translate("RegisterPersonDialog", u"for example she/her (can be left empty)", None))
        self.contactLabel.setText(QCoreApplication.translate("RegisterPersonDialog", u"Best way to get in &touch", None))
#if QT_CONFIG(accessibility)
        self.contactHow.setAccessibleName(QCoreApplication.translate("RegisterPersonDialog", u"Best way to get in touch", None))
#endif // QT_CONFIG(accessibility)
        self.contactDetailsLabel.setText(QCoreApplication.translate("RegisterPersonDialog", u"Contact &details", None))
#if QT_CONFIG(accessibility)
        self.contactDetails.setAccessibleName(QCoreApplication.translate("RegisterPersonDialog", u"Contact details", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

