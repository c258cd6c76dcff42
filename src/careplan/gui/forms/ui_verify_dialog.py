# Generated from ui/verify_dialog.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'verify_dialog.ui'
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
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_VerifyDialog(object):
    def setupUi(self, VerifyDialog):
        if not VerifyDialog.objectName():
            VerifyDialog.setObjectName(u"VerifyDialog")
        VerifyDialog.setMinimumSize(QSize(640, 0))
        self.layout = QVBoxLayout(VerifyDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(VerifyDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileLabel = QLabel(VerifyDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileRow.addWidget(self.fileLabel)

        self.filePath = QLineEdit(VerifyDialog)
        self.filePath.setObjectName(u"filePath")

        self.fileRow.addWidget(self.filePath)

        self.chooseFile = QPushButton(VerifyDialog)
        self.chooseFile.setObjectName(u"chooseFile")

        self.fileRow.addWidget(self.chooseFile)

        self.checkButton = QPushButton(VerifyDialog)
        self.checkButton.setObjectName(u"checkButton")

        self.fileRow.addWidget(self.checkButton)


        self.layout.addLayout(self.fileRow)

        self.progress = QProgressBar(VerifyDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(0)
        self.progress.setTextVisible(False)

        self.layout.addWidget(self.progress)

        self.answers = QGroupBox(VerifyDialog)
        self.answers.setObjectName(u"answers")
        self.answersLayout = QGridLayout(self.answers)
        self.answersLayout.setObjectName(u"answersLayout")
        self.unchangedIcon = QLabel(self.answers)
        self.unchangedIcon.setObjectName(u"unchangedIcon")

        self.answersLayout.addWidget(self.unchangedIcon, 0, 0, 1, 1)

        self.unchangedText = QLabel(self.answers)
        self.unchangedText.setObjectName(u"unchangedText")
        self.unchangedText.setWordWrap(True)

        self.answersLayout.addWidget(self.unchangedText, 0, 1, 1, 1)

        self.signerIcon = QLabel(self.answers)
        self.signerIcon.setObjectName(u"signerIcon")

        self.answersLayout.addWidget(self.signerIcon, 1, 0, 1, 1)

        self.signerText = QLabel(self.answers)
        self.signerText.setObjectName(u"signerText")
        self.signerText.setWordWrap(True)

        self.answersLayout.addWidget(self.signerText, 1, 1, 1, 1)

        self.planIcon = QLabel(self.answers)
        self.planIcon.setObjectName(u"planIcon")

        self.answersLayout.addWidget(self.planIcon, 2, 0, 1, 1)

        self.planText = QLabel(self.answers)
        self.planText.setObjectName(u"planText")
        self.planText.setWordWrap(True)

        self.answersLayout.addWidget(self.planText, 2, 1, 1, 1)

        self.summary = QLabel(self.answers)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.answersLayout.addWidget(self.summary, 3, 0, 1, 2)


        self.layout.addWidget(self.answers)

        self.buttons = QDialogButtonBox(VerifyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.filePath)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.filePath, self.chooseFile)
        QWidget.setTabOrder(self.chooseFile, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.buttons)

        self.retranslateUi(VerifyDialog)

        QMetaObject.connectSlotsByName(VerifyDialog)
    # setupUi

    def retranslateUi(self, VerifyDialog):
        VerifyDialog.setWindowTitle(QCoreApplication.translate("VerifyDialog", u"Verify an agreement", None))
        self.intro.setText(QCoreApplication.translate("VerifyDialog", u"Choose a PDF of an agreement, or drop it here. Careplan checks three things: that it has not changed since it was signed, that this service signed it, and which plan version it belongs to.", None))
        self.fileLabel.setText(QCoreApplication.translate("VerifyDialog", u"&File", None))
#if QT_CONFIG(accessibility)
        self.filePath.setAccessibleName(QCoreApplication.translate("VerifyDialog", u"The agreement file to check", None))
#endif // QT_CONFIG(accessibility)
        self.filePath.setPlaceholderText(QCoreApplication.translate("VerifyDialog", u"an agreement PDF", None))
        self.chooseFile.setText(QCoreApplication.translate("VerifyDialog", u"C&hoose\u2026", None))
#if QT_CONFIG(accessibility)
        self.chooseFile.setAccessibleName(QCoreApplication.translate("VerifyDialog", u"Choose the agreement file", None))
#endif // QT_CONFIG(accessibility)
        self.checkButton.setText(QCoreApplication.translate("VerifyDialog", u"&Check", None))
#if QT_CONFIG(accessibility)
        self.checkButton.setAccessibleName(QCoreApplication.translate("VerifyDialog", u"Check the agreement file", None))
#endif // QT_CONFIG(accessibility)
        self.answers.setTitle(QCoreApplication.translate("VerifyDialog", u"What the check found", None))
        self.unchangedIcon.setText("")
        self.unchangedText.setText("")
        self.signerIcon.setText("")
        self.signerText.setText("")
        self.planIcon.setText("")
        self.planText.setText("")
        self.summary.setText("")
    # retranslateUi

