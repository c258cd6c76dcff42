# Generated from ui/outcome_measures.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcome_measures.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_OutcomeMeasuresDialog(object):
    def setupUi(self, OutcomeMeasuresDialog):
        if not OutcomeMeasuresDialog.objectName():
            OutcomeMeasuresDialog.setObjectName(u"OutcomeMeasuresDialog")
        OutcomeMeasuresDialog.setMinimumSize(QSize(640, 420))
        self.layout = QVBoxLayout(OutcomeMeasuresDialog)
        self.layout.setSpacing(12)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(OutcomeMeasuresDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.heading)

        self.intro = QLabel(OutcomeMeasuresDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.intro)

        self.measuresLabel = QLabel(OutcomeMeasuresDialog)
        self.measuresLabel.setObjectName(u"measuresLabel")

        self.layout.addWidget(self.measuresLabel)

        self.measuresTree = QTreeWidget(OutcomeMeasuresDialog)
        self.measuresTree.setObjectName(u"measuresTree")
        self.measuresTree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.measuresTree.setAlternatingRowColors(True)
        self.measuresTree.setWordWrap(True)
        self.measuresTree.setUniformRowHeights(False)

        self.layout.addWidget(self.measuresTree)

        self.message = QLabel(OutcomeMeasuresDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.message)

        self.problem = QLabel(OutcomeMeasuresDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problemBox")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.problem)

        self.problemList = QListWidget(OutcomeMeasuresDialog)
        self.problemList.setObjectName(u"problemList")
        self.problemList.setWordWrap(True)
        self.problemList.setMaximumSize(QSize(16777215, 180))

        self.layout.addWidget(self.problemList)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.loadButton = QPushButton(OutcomeMeasuresDialog)
        self.loadButton.setObjectName(u"loadButton")
        self.loadButton.setAutoDefault(False)
        self.loadButton.setMinimumSize(QSize(0, 36))

        self.buttonRow.addWidget(self.loadButton)

        self.buttons = QDialogButtonBox(OutcomeMeasuresDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttons)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.measuresLabel.setBuddy(self.measuresTree)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.measuresTree, self.problemList)
        QWidget.setTabOrder(self.problemList, self.loadButton)
        QWidget.setTabOrder(self.loadButton, self.buttons)

        self.retranslateUi(OutcomeMeasuresDialog)

        QMetaObject.connectSlotsByName(OutcomeMeasuresDialog)
    # setupUi

    def retranslateUi(self, OutcomeMeasuresDialog):
        OutcomeMeasuresDialog.setWindowTitle(QCoreApplication.translate("OutcomeMeasuresDialog", u"Outcome measures", None))
        self.heading.setText(QCoreApplication.translate("OutcomeMeasuresDialog", u"Outcome measures", None))
        self.intro.setText(QCoreApplication.translate("OutcomeMeasuresDialog", u"The questions asked at reviews. Careplan's own scale, how things are in each life area, is always first; a service can load more from a file.", None))
        self.measuresLabel.setText(QCoreApplication.translate("OutcomeMeasuresDialog", u"&Measures and their questions", None))
        ___qtreewidgetitem = self.measuresTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("OutcomeMeasuresDialog", u"How it is answered, or when it is asked", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("OutcomeMeasuresDialog", u"Measure, or question", None))
#if QT_CONFIG(accessibility)
        self.measuresTree.setAccessibleName(QCoreApplication.translate("OutcomeMeasuresDialog", u"Measures and their questions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.measuresTree.setAccessibleDescription(QCoreApplication.translate("OutcomeMeasuresDialog", u"Each measure, with when it is asked; open one with the right arrow key to read its questions and their answers", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
        self.problem.setText("")
#if QT_CONFIG(accessibility)
        self.problemList.setAccessibleName(QCoreApplication.translate("OutcomeMeasuresDialog", u"What needs changing in the file", None))
#endif // QT_CONFIG(accessibility)
        self.loadButton.setText(QCoreApplication.translate("OutcomeMeasuresDialog", u"&Load from a file\u2026", None))
#if QT_CONFIG(accessibility)
        self.loadButton.setAccessibleName(QCoreApplication.translate("OutcomeMeasuresDialog", u"Load measures from a file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.loadButton.setAccessibleDescription(QCoreApplication.translate("OutcomeMeasuresDialog", u"The file is checked first; its measures take the place of those loaded before", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

