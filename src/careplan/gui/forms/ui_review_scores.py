# Generated from ui/review_scores.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_scores.ui'
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
    QGridLayout, QHBoxLayout, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ReviewScoresDialog(object):
    def setupUi(self, ReviewScoresDialog):
        if not ReviewScoresDialog.objectName():
            ReviewScoresDialog.setObjectName(u"ReviewScoresDialog")
        ReviewScoresDialog.setMinimumSize(QSize(600, 0))
        self.layout = QVBoxLayout(ReviewScoresDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ReviewScoresDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceLabel = QLabel(ReviewScoresDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.voiceRow.addWidget(self.voiceLabel)

        self.voiceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)

        self.switchVoice = QPushButton(ReviewScoresDialog)
        self.switchVoice.setObjectName(u"switchVoice")
        self.switchVoice.setMinimumSize(QSize(0, 40))
        self.switchVoice.setAutoDefault(False)

        self.voiceRow.addWidget(self.switchVoice)


        self.layout.addLayout(self.voiceRow)

        self.scoresArea = QScrollArea(ReviewScoresDialog)
        self.scoresArea.setObjectName(u"scoresArea")
        self.scoresArea.setWidgetResizable(True)
        self.scoresBox = QWidget()
        self.scoresBox.setObjectName(u"scoresBox")
        self.scoresGrid = QGridLayout(self.scoresBox)
        self.scoresGrid.setObjectName(u"scoresGrid")
        self.scoresArea.setWidget(self.scoresBox)

        self.layout.addWidget(self.scoresArea)

        self.scoresProblem = QLabel(ReviewScoresDialog)
        self.scoresProblem.setObjectName(u"scoresProblem")
        self.scoresProblem.setProperty(u"role", u"problem")
        self.scoresProblem.setWordWrap(True)

        self.layout.addWidget(self.scoresProblem)

        self.problem = QLabel(ReviewScoresDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setProperty(u"role", u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ReviewScoresDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ReviewScoresDialog)

        QMetaObject.connectSlotsByName(ReviewScoresDialog)
    # setupUi

    def retranslateUi(self, ReviewScoresDialog):
        ReviewScoresDialog.setWindowTitle(QCoreApplication.translate("ReviewScoresDialog", u"Scores", None))
        self.voiceLabel.setText(QCoreApplication.translate("ReviewScoresDialog", u"These scores are saved as", None))
        self.switchVoice.setText(QCoreApplication.translate("ReviewScoresDialog", u"Switch who is scoring (F4)", None))
#if QT_CONFIG(accessibility)
        self.switchVoice.setAccessibleName(QCoreApplication.translate("ReviewScoresDialog", u"Switch who is scoring", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

