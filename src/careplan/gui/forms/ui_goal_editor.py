# Generated from ui/goal_editor.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'goal_editor.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_GoalEditorDialog(object):
    def setupUi(self, GoalEditorDialog):
        if not GoalEditorDialog.objectName():
            GoalEditorDialog.setObjectName(u"GoalEditorDialog")
        GoalEditorDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(GoalEditorDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(GoalEditorDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceLabel = QLabel(GoalEditorDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.voiceRow.addWidget(self.voiceLabel)

        self.voiceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)

        self.switchVoice = QPushButton(GoalEditorDialog)
        self.switchVoice.setObjectName(u"switchVoice")
        self.switchVoice.setMinimumSize(QSize(0, 40))
        self.switchVoice.setAutoDefault(False)

        self.voiceRow.addWidget(self.switchVoice)


        self.layout.addLayout(self.voiceRow)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.wordingLabel = QLabel(GoalEditorDialog)
        self.wordingLabel.setObjectName(u"wordingLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.wordingLabel)

        self.wording = QPlainTextEdit(GoalEditorDialog)
        self.wording.setObjectName(u"wording")
        self.wording.setTabChangesFocus(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.wording)

        self.wordingProblem = QLabel(GoalEditorDialog)
        self.wordingProblem.setObjectName(u"wordingProblem")
        self.wordingProblem.setProperty(u"role", u"problem")
        self.wordingProblem.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.wordingProblem)

        self.whyLabel = QLabel(GoalEditorDialog)
        self.whyLabel.setObjectName(u"whyLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whyLabel)

        self.why = QPlainTextEdit(GoalEditorDialog)
        self.why.setObjectName(u"why")
        self.why.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.why)

        self.whyProblem = QLabel(GoalEditorDialog)
        self.whyProblem.setObjectName(u"whyProblem")
        self.whyProblem.setProperty(u"role", u"problem")
        self.whyProblem.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.whyProblem)

        self.lifeAreaLabel = QLabel(GoalEditorDialog)
        self.lifeAreaLabel.setObjectName(u"lifeAreaLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lifeAreaLabel)

        self.lifeArea = QComboBox(GoalEditorDialog)
        self.lifeArea.setObjectName(u"lifeArea")
        self.lifeArea.setMinimumSize(QSize(0, 36))

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lifeArea)

        self.lifeAreaProblem = QLabel(GoalEditorDialog)
        self.lifeAreaProblem.setObjectName(u"lifeAreaProblem")
        self.lifeAreaProblem.setProperty(u"role", u"problem")
        self.lifeAreaProblem.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lifeAreaProblem)

        self.targetDateLabel = QLabel(GoalEditorDialog)
        self.targetDateLabel.setObjectName(u"targetDateLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.targetDateLabel)

        self.targetDate = QLineEdit(GoalEditorDialog)
        self.targetDate.setObjectName(u"targetDate")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.targetDate)

        self.targetDateProblem = QLabel(GoalEditorDialog)
        self.targetDateProblem.setObjectName(u"targetDateProblem")
        self.targetDateProblem.setProperty(u"role", u"problem")
        self.targetDateProblem.setWordWrap(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.targetDateProblem)


        self.layout.addLayout(self.form)

        self.problem = QLabel(GoalEditorDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(GoalEditorDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.wordingLabel.setBuddy(self.wording)
        self.whyLabel.setBuddy(self.why)
        self.lifeAreaLabel.setBuddy(self.lifeArea)
        self.targetDateLabel.setBuddy(self.targetDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.wording, self.why)
        QWidget.setTabOrder(self.why, self.lifeArea)
        QWidget.setTabOrder(self.lifeArea, self.targetDate)
        QWidget.setTabOrder(self.targetDate, self.switchVoice)

        self.retranslateUi(GoalEditorDialog)

        QMetaObject.connectSlotsByName(GoalEditorDialog)
    # setupUi

    def retranslateUi(self, GoalEditorDialog):
        GoalEditorDialog.setWindowTitle(QCoreApplication.translate("GoalEditorDialog", u"A goal", None))
        self.intro.setText(QCoreApplication.translate("GoalEditorDialog", u"Write the goal the way it was said. Only \u201cWhat I want\u201d and the life area are needed.", None))
        self.voiceLabel.setText(QCoreApplication.translate("GoalEditorDialog", u"New words are saved as", None))
        self.switchVoice.setText(QCoreApplication.translate("GoalEditorDialog", u"Switch who is writing (F4)", None))
#if QT_CONFIG(accessibility)
        self.switchVoice.setAccessibleName(QCoreApplication.translate("GoalEditorDialog", u"Switch who is writing", None))
#endif // QT_CONFIG(accessibility)
        self.wordingLabel.setText(QCoreApplication.translate("GoalEditorDialog", u"What I &want", None))
#if QT_CONFIG(accessibility)
        self.wording.setAccessibleName(QCoreApplication.translate("GoalEditorDialog", u"What I want", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.wording.setAccessibleDescription(QCoreApplication.translate("GoalEditorDialog", u"The goal, in the words it was said.", None))
#endif // QT_CONFIG(accessibility)
        self.wording.setPlaceholderText(QCoreApplication.translate("GoalEditorDialog", u"For example: I want my kids to see me well", None))
        self.whyLabel.setText(QCoreApplication.translate("GoalEditorDialog", u"W&hy it matters to me", None))
#if QT_CONFIG(accessibility)
        self.why.setAccessibleName(QCoreApplication.translate("GoalEditorDialog", u"Why it matters to me", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.why.setAccessibleDescription(QCoreApplication.translate("GoalEditorDialog", u"Can be left empty.", None))
#endif // QT_CONFIG(accessibility)
        self.why.setPlaceholderText(QCoreApplication.translate("GoalEditorDialog", u"Can be left empty", None))
        self.lifeAreaLabel.setText(QCoreApplication.translate("GoalEditorDialog", u"&Part of my life", None))
#if QT_CONFIG(accessibility)
        self.lifeArea.setAccessibleName(QCoreApplication.translate("GoalEditorDialog", u"Part of my life (life area)", None))
#endif // QT_CONFIG(accessibility)
        self.lifeArea.setPlaceholderText(QCoreApplication.translate("GoalEditorDialog", u"Choose one", None))
        self.targetDateLabel.setText(QCoreApplication.translate("GoalEditorDialog", u"&By when", None))
#if QT_CONFIG(accessibility)
        self.targetDate.setAccessibleName(QCoreApplication.translate("GoalEditorDialog", u"By when", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.targetDate.setAccessibleDescription(QCoreApplication.translate("GoalEditorDialog", u"Day, month and year, for example 04/03/2027. Can be left empty.", None))
#endif // QT_CONFIG(accessibility)
        self.targetDate.setPlaceholderText(QCoreApplication.translate("GoalEditorDialog", u"DD/MM/YYYY (can be left empty)", None))
    # retranslateUi

