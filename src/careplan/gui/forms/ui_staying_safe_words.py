# Generated from ui/staying_safe_words.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staying_safe_words.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QLayout,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StayingSafeWordsDialog(object):
    def setupUi(self, StayingSafeWordsDialog):
        if not StayingSafeWordsDialog.objectName():
            StayingSafeWordsDialog.setObjectName(u"StayingSafeWordsDialog")
        StayingSafeWordsDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(StayingSafeWordsDialog)
        self.layout.setObjectName(u"layout")
        self.layout.setSizeConstraint(QLayout.SetMinimumSize)
        self.intro = QLabel(StayingSafeWordsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceLabel = QLabel(StayingSafeWordsDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.voiceRow.addWidget(self.voiceLabel)

        self.voiceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)

        self.switchVoice = QPushButton(StayingSafeWordsDialog)
        self.switchVoice.setObjectName(u"switchVoice")
        self.switchVoice.setMinimumSize(QSize(0, 40))
        self.switchVoice.setAutoDefault(False)

        self.voiceRow.addWidget(self.switchVoice)


        self.layout.addLayout(self.voiceRow)

        self.choices = QGroupBox(StayingSafeWordsDialog)
        self.choices.setObjectName(u"choices")
        self.choicesLayout = QVBoxLayout(self.choices)
        self.choicesLayout.setObjectName(u"choicesLayout")

        self.layout.addWidget(self.choices)

        self.choicesProblem = QLabel(StayingSafeWordsDialog)
        self.choicesProblem.setObjectName(u"choicesProblem")
        self.choicesProblem.setProperty(u"role", u"problem")
        self.choicesProblem.setWordWrap(True)

        self.layout.addWidget(self.choicesProblem)

        self.wordsLabel = QLabel(StayingSafeWordsDialog)
        self.wordsLabel.setObjectName(u"wordsLabel")

        self.layout.addWidget(self.wordsLabel)

        self.words = QPlainTextEdit(StayingSafeWordsDialog)
        self.words.setObjectName(u"words")
        self.words.setTabChangesFocus(True)

        self.layout.addWidget(self.words)

        self.wordsProblem = QLabel(StayingSafeWordsDialog)
        self.wordsProblem.setObjectName(u"wordsProblem")
        self.wordsProblem.setProperty(u"role", u"problem")
        self.wordsProblem.setWordWrap(True)

        self.layout.addWidget(self.wordsProblem)

        self.problem = QLabel(StayingSafeWordsDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(StayingSafeWordsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.wordsLabel.setBuddy(self.words)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.words, self.switchVoice)

        self.retranslateUi(StayingSafeWordsDialog)

        QMetaObject.connectSlotsByName(StayingSafeWordsDialog)
    # setupUi

    def retranslateUi(self, StayingSafeWordsDialog):
        StayingSafeWordsDialog.setWindowTitle(QCoreApplication.translate("StayingSafeWordsDialog", u"Staying safe", None))
        self.voiceLabel.setText(QCoreApplication.translate("StayingSafeWordsDialog", u"New words are saved as", None))
        self.switchVoice.setText(QCoreApplication.translate("StayingSafeWordsDialog", u"Switch who is writing (F4)", None))
#if QT_CONFIG(accessibility)
        self.switchVoice.setAccessibleName(QCoreApplication.translate("StayingSafeWordsDialog", u"Switch who is writing", None))
#endif // QT_CONFIG(accessibility)
        self.choices.setTitle(QCoreApplication.translate("StayingSafeWordsDialog", u"Choose one", None))
        self.wordsLabel.setText(QCoreApplication.translate("StayingSafeWordsDialog", u"&In my words", None))
    # retranslateUi

