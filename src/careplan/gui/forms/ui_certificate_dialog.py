# Generated from ui/certificate_dialog.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'certificate_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QRadioButton, QSizePolicy, QStackedWidget, QVBoxLayout,
    QWidget)

class Ui_CertificateDialog(object):
    def setupUi(self, CertificateDialog):
        if not CertificateDialog.objectName():
            CertificateDialog.setObjectName(u"CertificateDialog")
        CertificateDialog.setMinimumSize(QSize(600, 0))
        self.layout = QVBoxLayout(CertificateDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(CertificateDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.current = QLabel(CertificateDialog)
        self.current.setObjectName(u"current")
        self.current.setWordWrap(True)

        self.layout.addWidget(self.current)

        self.choices = QGroupBox(CertificateDialog)
        self.choices.setObjectName(u"choices")
        self.choicesLayout = QVBoxLayout(self.choices)
        self.choicesLayout.setObjectName(u"choicesLayout")
        self.createChoice = QRadioButton(self.choices)
        self.createChoice.setObjectName(u"createChoice")
        self.createChoice.setChecked(True)

        self.choicesLayout.addWidget(self.createChoice)

        self.importChoice = QRadioButton(self.choices)
        self.importChoice.setObjectName(u"importChoice")

        self.choicesLayout.addWidget(self.importChoice)

        self.rememberChoice = QRadioButton(self.choices)
        self.rememberChoice.setObjectName(u"rememberChoice")

        self.choicesLayout.addWidget(self.rememberChoice)


        self.layout.addWidget(self.choices)

        self.pages = QStackedWidget(CertificateDialog)
        self.pages.setObjectName(u"pages")
        self.createPage = QWidget()
        self.createPage.setObjectName(u"createPage")
        self.createForm = QFormLayout(self.createPage)
        self.createForm.setObjectName(u"createForm")
        self.createForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.organisationLabel = QLabel(self.createPage)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.createForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisation = QLineEdit(self.createPage)
        self.organisation.setObjectName(u"organisation")
        self.organisation.setMaxLength(64)

        self.createForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.passphraseLabel = QLabel(self.createPage)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.createForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphrase = QLineEdit(self.createPage)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.createForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.passphraseAgainLabel = QLabel(self.createPage)
        self.passphraseAgainLabel.setObjectName(u"passphraseAgainLabel")

        self.createForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passphraseAgainLabel)

        self.passphraseAgain = QLineEdit(self.createPage)
        self.passphraseAgain.setObjectName(u"passphraseAgain")
        self.passphraseAgain.setEchoMode(QLineEdit.EchoMode.Password)

        self.createForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphraseAgain)

        self.passphraseHint = QLabel(self.createPage)
        self.passphraseHint.setObjectName(u"passphraseHint")
        self.passphraseHint.setWordWrap(True)

        self.createForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.passphraseHint)

        self.pages.addWidget(self.createPage)
        self.importPage = QWidget()
        self.importPage.setObjectName(u"importPage")
        self.importForm = QFormLayout(self.importPage)
        self.importForm.setObjectName(u"importForm")
        self.importForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fileLabel = QLabel(self.importPage)
        self.fileLabel.setObjectName(u"fileLabel")

        self.importForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.filePath = QLineEdit(self.importPage)
        self.filePath.setObjectName(u"filePath")

        self.fileRow.addWidget(self.filePath)

        self.chooseFile = QPushButton(self.importPage)
        self.chooseFile.setObjectName(u"chooseFile")

        self.fileRow.addWidget(self.chooseFile)


        self.importForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.filePassphraseLabel = QLabel(self.importPage)
        self.filePassphraseLabel.setObjectName(u"filePassphraseLabel")

        self.importForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.filePassphraseLabel)

        self.filePassphrase = QLineEdit(self.importPage)
        self.filePassphrase.setObjectName(u"filePassphrase")
        self.filePassphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.importForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.filePassphrase)

        self.pages.addWidget(self.importPage)
        self.rememberPage = QWidget()
        self.rememberPage.setObjectName(u"rememberPage")
        self.rememberForm = QFormLayout(self.rememberPage)
        self.rememberForm.setObjectName(u"rememberForm")
        self.rememberForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rememberHint = QLabel(self.rememberPage)
        self.rememberHint.setObjectName(u"rememberHint")
        self.rememberHint.setWordWrap(True)

        self.rememberForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.rememberHint)

        self.rememberPassphraseLabel = QLabel(self.rememberPage)
        self.rememberPassphraseLabel.setObjectName(u"rememberPassphraseLabel")

        self.rememberForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.rememberPassphraseLabel)

        self.rememberPassphrase = QLineEdit(self.rememberPage)
        self.rememberPassphrase.setObjectName(u"rememberPassphrase")
        self.rememberPassphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.rememberForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.rememberPassphrase)

        self.pages.addWidget(self.rememberPage)

        self.layout.addWidget(self.pages)

        self.keyringNote = QLabel(CertificateDialog)
        self.keyringNote.setObjectName(u"keyringNote")
        self.keyringNote.setWordWrap(True)

        self.layout.addWidget(self.keyringNote)

        self.replace = QCheckBox(CertificateDialog)
        self.replace.setObjectName(u"replace")

        self.layout.addWidget(self.replace)

        self.problem = QLabel(CertificateDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.progress = QProgressBar(CertificateDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(0)
        self.progress.setTextVisible(False)

        self.layout.addWidget(self.progress)

        self.buttons = QDialogButtonBox(CertificateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.organisationLabel.setBuddy(self.organisation)
        self.passphraseLabel.setBuddy(self.passphrase)
        self.passphraseAgainLabel.setBuddy(self.passphraseAgain)
        self.fileLabel.setBuddy(self.filePath)
        self.filePassphraseLabel.setBuddy(self.filePassphrase)
        self.rememberPassphraseLabel.setBuddy(self.rememberPassphrase)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.createChoice, self.importChoice)
        QWidget.setTabOrder(self.importChoice, self.rememberChoice)
        QWidget.setTabOrder(self.rememberChoice, self.organisation)
        QWidget.setTabOrder(self.organisation, self.passphrase)
        QWidget.setTabOrder(self.passphrase, self.passphraseAgain)
        QWidget.setTabOrder(self.passphraseAgain, self.filePath)
        QWidget.setTabOrder(self.filePath, self.chooseFile)
        QWidget.setTabOrder(self.chooseFile, self.filePassphrase)
        QWidget.setTabOrder(self.filePassphrase, self.rememberPassphrase)
        QWidget.setTabOrder(self.rememberPassphrase, self.replace)
        QWidget.setTabOrder(self.replace, self.buttons)

        self.retranslateUi(CertificateDialog)

        QMetaObject.connectSlotsByName(CertificateDialog)
    # setupUi

    def retranslateUi(self, CertificateDialog):
        CertificateDialog.setWindowTitle(QCoreApplication.translate("CertificateDialog", u"The service's signing certificate", None))
        self.intro.setText(QCoreApplication.translate("CertificateDialog", u"Every agreement Careplan prints is signed by the service's certificate, so that anyone can check later that it is genuine and unchanged.", None))
        self.current.setText("")
        self.choices.setTitle(QCoreApplication.translate("CertificateDialog", u"What would you like to do?", None))
        self.createChoice.setText(QCoreApplication.translate("CertificateDialog", u"&Make a new certificate for the service", None))
        self.importChoice.setText(QCoreApplication.translate("CertificateDialog", u"&Use a certificate file you already have (.p12 or .pfx)", None))
        self.rememberChoice.setText(QCoreApplication.translate("CertificateDialog", u"&Type the passphrase so that this computer can sign", None))
        self.organisationLabel.setText(QCoreApplication.translate("CertificateDialog", u"&Name of the service", None))
#if QT_CONFIG(accessibility)
        self.organisation.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"Name of the service", None))
#endif // QT_CONFIG(accessibility)
        self.organisation.setPlaceholderText(QCoreApplication.translate("CertificateDialog", u"for example Harbour Recovery Service", None))
        self.passphraseLabel.setText(QCoreApplication.translate("CertificateDialog", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphrase.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseAgainLabel.setText(QCoreApplication.translate("CertificateDialog", u"The passphrase &again", None))
#if QT_CONFIG(accessibility)
        self.passphraseAgain.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"The passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseHint.setText(QCoreApplication.translate("CertificateDialog", u"At least 12 characters: a few ordinary words are easy to remember and hard to guess. Write it down somewhere safe too.", None))
        self.fileLabel.setText(QCoreApplication.translate("CertificateDialog", u"Certificate &file", None))
#if QT_CONFIG(accessibility)
        self.filePath.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"Certificate file", None))
#endif // QT_CONFIG(accessibility)
        self.filePath.setPlaceholderText(QCoreApplication.translate("CertificateDialog", u"a .p12 or .pfx file", None))
        self.chooseFile.setText(QCoreApplication.translate("CertificateDialog", u"C&hoose\u2026", None))
#if QT_CONFIG(accessibility)
        self.chooseFile.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"Choose the certificate file", None))
#endif // QT_CONFIG(accessibility)
        self.filePassphraseLabel.setText(QCoreApplication.translate("CertificateDialog", u"&Passphrase of the file", None))
#if QT_CONFIG(accessibility)
        self.filePassphrase.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"Passphrase of the certificate file", None))
#endif // QT_CONFIG(accessibility)
        self.rememberHint.setText(QCoreApplication.translate("CertificateDialog", u"This computer cannot sign until it knows the certificate's passphrase. Type it once: it is kept in this computer's keyring.", None))
        self.rememberPassphraseLabel.setText(QCoreApplication.translate("CertificateDialog", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.rememberPassphrase.setAccessibleName(QCoreApplication.translate("CertificateDialog", u"Passphrase of the service's certificate", None))
#endif // QT_CONFIG(accessibility)
        self.keyringNote.setText(QCoreApplication.translate("CertificateDialog", u"Careplan keeps the passphrase in this computer's keyring, never in a file; other computers need it once.", None))
        self.replace.setText(QCoreApplication.translate("CertificateDialog", u"&Replace the current certificate (agreements it signed will still check as genuine)", None))
        self.problem.setText("")
    # retranslateUi

