# Generated from ui/step_editor.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_editor.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_StepEditorDialog(object):
    def setupUi(self, StepEditorDialog):
        if not StepEditorDialog.objectName():
            StepEditorDialog.setObjectName(u"StepEditorDialog")
        StepEditorDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(StepEditorDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(StepEditorDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceLabel = QLabel(StepEditorDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.voiceRow.addWidget(self.voiceLabel)

        self.voiceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)

        self.switchVoice = QPushButton(StepEditorDialog)
        self.switchVoice.setObjectName(u"switchVoice")
        self.switchVoice.setMinimumSize(QSize(0, 40))
        self.switchVoice.setAutoDefault(False)

        self.voiceRow.addWidget(self.switchVoice)


        self.layout.addLayout(self.voiceRow)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.whatLabel = QLabel(StepEditorDialog)
        self.whatLabel.setObjectName(u"whatLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whatLabel)

        self.what = QPlainTextEdit(StepEditorDialog)
        self.what.setObjectName(u"what")
        self.what.setTabChangesFocus(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.what)

        self.whatProblem = QLabel(StepEditorDialog)
        self.whatProblem.setObjectName(u"whatProblem")
        self.whatProblem.setProperty(u"role", u"problem")
        self.whatProblem.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.whatProblem)

        self.ownerLabel = QLabel(StepEditorDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QGroupBox(StepEditorDialog)
        self.owner.setObjectName(u"owner")
        self.owner.setFlat(True)
        self.ownerLayout = QHBoxLayout(self.owner)
        self.ownerLayout.setObjectName(u"ownerLayout")
        self.ownerLayout.setContentsMargins(0, 0, 0, 0)
        self.ownerPerson = QRadioButton(self.owner)
        self.ownerPerson.setObjectName(u"ownerPerson")
        self.ownerPerson.setMinimumSize(QSize(0, 40))

        self.ownerLayout.addWidget(self.ownerPerson)

        self.ownerWorker = QRadioButton(self.owner)
        self.ownerWorker.setObjectName(u"ownerWorker")
        self.ownerWorker.setMinimumSize(QSize(0, 40))

        self.ownerLayout.addWidget(self.ownerWorker)

        self.ownerService = QRadioButton(self.owner)
        self.ownerService.setObjectName(u"ownerService")
        self.ownerService.setMinimumSize(QSize(0, 40))

        self.ownerLayout.addWidget(self.ownerService)

        self.ownerSomeoneElse = QRadioButton(self.owner)
        self.ownerSomeoneElse.setObjectName(u"ownerSomeoneElse")
        self.ownerSomeoneElse.setMinimumSize(QSize(0, 40))

        self.ownerLayout.addWidget(self.ownerSomeoneElse)


        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.owner)

        self.ownerDetailLabel = QLabel(StepEditorDialog)
        self.ownerDetailLabel.setObjectName(u"ownerDetailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerDetailLabel)

        self.ownerDetail = QLineEdit(StepEditorDialog)
        self.ownerDetail.setObjectName(u"ownerDetail")
        self.ownerDetail.setMaxLength(120)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerDetail)

        self.ownerDetailProblem = QLabel(StepEditorDialog)
        self.ownerDetailProblem.setObjectName(u"ownerDetailProblem")
        self.ownerDetailProblem.setProperty(u"role", u"problem")
        self.ownerDetailProblem.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ownerDetailProblem)

        self.dueDateLabel = QLabel(StepEditorDialog)
        self.dueDateLabel.setObjectName(u"dueDateLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dueDateLabel)

        self.dueDate = QLineEdit(StepEditorDialog)
        self.dueDate.setObjectName(u"dueDate")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dueDate)

        self.dueDateProblem = QLabel(StepEditorDialog)
        self.dueDateProblem.setObjectName(u"dueDateProblem")
        self.dueDateProblem.setProperty(u"role", u"problem")
        self.dueDateProblem.setWordWrap(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.dueDateProblem)


        self.layout.addLayout(self.form)

        self.problem = QLabel(StepEditorDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(StepEditorDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.whatLabel.setBuddy(self.what)
        self.ownerDetailLabel.setBuddy(self.ownerDetail)
        self.dueDateLabel.setBuddy(self.dueDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.what, self.ownerPerson)
        QWidget.setTabOrder(self.ownerPerson, self.ownerWorker)
        QWidget.setTabOrder(self.ownerWorker, self.ownerService)
        QWidget.setTabOrder(self.ownerService, self.ownerSomeoneElse)
        QWidget.setTabOrder(self.ownerSomeoneElse, self.ownerDetail)
        QWidget.setTabOrder(self.ownerDetail, self.dueDate)
        QWidget.setTabOrder(self.dueDate, self.switchVoice)

        self.retranslateUi(StepEditorDialog)

        QMetaObject.connectSlotsByName(StepEditorDialog)
    # setupUi

    def retranslateUi(self, StepEditorDialog):
        StepEditorDialog.setWindowTitle(QCoreApplication.translate("StepEditorDialog", u"A step", None))
        self.intro.setText(QCoreApplication.translate("StepEditorDialog", u"A step is one thing that will be done towards the goal.", None))
        self.voiceLabel.setText(QCoreApplication.translate("StepEditorDialog", u"New words are saved as", None))
        self.switchVoice.setText(QCoreApplication.translate("StepEditorDialog", u"Switch who is writing (F4)", None))
#if QT_CONFIG(accessibility)
        self.switchVoice.setAccessibleName(QCoreApplication.translate("StepEditorDialog", u"Switch who is writing", None))
#endif // QT_CONFIG(accessibility)
        self.whatLabel.setText(QCoreApplication.translate("StepEditorDialog", u"&What will be done", None))
#if QT_CONFIG(accessibility)
        self.what.setAccessibleName(QCoreApplication.translate("StepEditorDialog", u"What will be done", None))
#endif // QT_CONFIG(accessibility)
        self.what.setPlaceholderText(QCoreApplication.translate("StepEditorDialog", u"For example: Ring the family centre", None))
        self.ownerLabel.setText(QCoreApplication.translate("StepEditorDialog", u"Who does it", None))
#if QT_CONFIG(accessibility)
        self.owner.setAccessibleName(QCoreApplication.translate("StepEditorDialog", u"Who does it", None))
#endif // QT_CONFIG(accessibility)
        self.ownerPerson.setText(QCoreApplication.translate("StepEditorDialog", u"&Me", None))
#if QT_CONFIG(accessibility)
        self.ownerPerson.setAccessibleName(QCoreApplication.translate("StepEditorDialog", u"Me (the person)", None))
#endif // QT_CONFIG(accessibility)
        self.ownerWorker.setText(QCoreApplication.translate("StepEditorDialog", u"M&y worker", None))
        self.ownerService.setText(QCoreApplication.translate("StepEditorDialog", u"A &service", None))
        self.ownerSomeoneElse.setText(QCoreApplication.translate("StepEditorDialog", u"Someone &else", None))
        self.ownerDetailLabel.setText(QCoreApplication.translate("StepEditorDialog", u"Which service, or &who", None))
#if QT_CONFIG(accessibility)
        self.ownerDetail.setAccessibleName(QCoreApplication.translate("StepEditorDialog", u"Which service, or who", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.ownerDetail.setAccessibleDescription(QCoreApplication.translate("StepEditorDialog", u"Needed when a service or someone else does it.", None))
#endif // QT_CONFIG(accessibility)
        self.ownerDetail.setPlaceholderText(QCoreApplication.translate("StepEditorDialog", u"Needed for a service or someone else", None))
        self.dueDateLabel.setText(QCoreApplication.translate("StepEditorDialog", u"&By when", None))
#if QT_CONFIG(accessibility)
        self.dueDate.setAccessibleName(QCoreApplication.translate("StepEditorDialog", u"By when", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dueDate.setAccessibleDescription(QCoreApplication.translate("StepEditorDialog", u"Day, month and year, for example 04/03/2027. Can be left empty.", None))
#endif // QT_CONFIG(accessibility)
        self.dueDate.setPlaceholderText(QCoreApplication.translate("StepEditorDialog", u"DD/MM/YYYY (can be left empty)", None))
    # retranslateUi

