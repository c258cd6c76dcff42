# Generated from ui/who_works_with.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'who_works_with.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WhoWorksWithDialog(object):
    def setupUi(self, WhoWorksWithDialog):
        if not WhoWorksWithDialog.objectName():
            WhoWorksWithDialog.setObjectName(u"WhoWorksWithDialog")
        WhoWorksWithDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(WhoWorksWithDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(WhoWorksWithDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.keyWorkerGroup = QGroupBox(WhoWorksWithDialog)
        self.keyWorkerGroup.setObjectName(u"keyWorkerGroup")
        self.keyWorkerLayout = QVBoxLayout(self.keyWorkerGroup)
        self.keyWorkerLayout.setObjectName(u"keyWorkerLayout")
        self.keyWorkerForm = QFormLayout()
        self.keyWorkerForm.setObjectName(u"keyWorkerForm")
        self.keyWorkerForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.keyWorkerNowLabel = QLabel(self.keyWorkerGroup)
        self.keyWorkerNowLabel.setObjectName(u"keyWorkerNowLabel")

        self.keyWorkerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keyWorkerNowLabel)

        self.keyWorkerNow = QLabel(self.keyWorkerGroup)
        self.keyWorkerNow.setObjectName(u"keyWorkerNow")
        self.keyWorkerNow.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.keyWorkerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.keyWorkerNow)

        self.handOnToLabel = QLabel(self.keyWorkerGroup)
        self.handOnToLabel.setObjectName(u"handOnToLabel")

        self.keyWorkerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.handOnToLabel)

        self.handOnTo = QComboBox(self.keyWorkerGroup)
        self.handOnTo.setObjectName(u"handOnTo")
        self.handOnTo.setMinimumSize(QSize(0, 34))

        self.keyWorkerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.handOnTo)


        self.keyWorkerLayout.addLayout(self.keyWorkerForm)

        self.handOnNote = QLabel(self.keyWorkerGroup)
        self.handOnNote.setObjectName(u"handOnNote")
        self.handOnNote.setWordWrap(True)

        self.keyWorkerLayout.addWidget(self.handOnNote)

        self.handOnRow = QHBoxLayout()
        self.handOnRow.setObjectName(u"handOnRow")
        self.handOnSpace = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.handOnRow.addItem(self.handOnSpace)

        self.handOnButton = QPushButton(self.keyWorkerGroup)
        self.handOnButton.setObjectName(u"handOnButton")
        self.handOnButton.setMinimumSize(QSize(0, 40))

        self.handOnRow.addWidget(self.handOnButton)


        self.keyWorkerLayout.addLayout(self.handOnRow)


        self.layout.addWidget(self.keyWorkerGroup)

        self.peerMentorGroup = QGroupBox(WhoWorksWithDialog)
        self.peerMentorGroup.setObjectName(u"peerMentorGroup")
        self.peerMentorLayout = QVBoxLayout(self.peerMentorGroup)
        self.peerMentorLayout.setObjectName(u"peerMentorLayout")
        self.peerMentors = QListWidget(self.peerMentorGroup)
        self.peerMentors.setObjectName(u"peerMentors")
        self.peerMentors.setMaximumSize(QSize(16777215, 96))

        self.peerMentorLayout.addWidget(self.peerMentors)

        self.noPeerMentor = QLabel(self.peerMentorGroup)
        self.noPeerMentor.setObjectName(u"noPeerMentor")
        self.noPeerMentor.setWordWrap(True)

        self.peerMentorLayout.addWidget(self.noPeerMentor)

        self.endRow = QHBoxLayout()
        self.endRow.setObjectName(u"endRow")
        self.endSpace = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endRow.addItem(self.endSpace)

        self.endButton = QPushButton(self.peerMentorGroup)
        self.endButton.setObjectName(u"endButton")
        self.endButton.setMinimumSize(QSize(0, 40))

        self.endRow.addWidget(self.endButton)


        self.peerMentorLayout.addLayout(self.endRow)

        self.assignRow = QHBoxLayout()
        self.assignRow.setObjectName(u"assignRow")
        self.newPeerMentorLabel = QLabel(self.peerMentorGroup)
        self.newPeerMentorLabel.setObjectName(u"newPeerMentorLabel")

        self.assignRow.addWidget(self.newPeerMentorLabel)

        self.newPeerMentor = QComboBox(self.peerMentorGroup)
        self.newPeerMentor.setObjectName(u"newPeerMentor")
        self.newPeerMentor.setMinimumSize(QSize(0, 34))
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.newPeerMentor.sizePolicy().hasHeightForWidth())
        self.newPeerMentor.setSizePolicy(sizePolicy)

        self.assignRow.addWidget(self.newPeerMentor)

        self.assignButton = QPushButton(self.peerMentorGroup)
        self.assignButton.setObjectName(u"assignButton")
        self.assignButton.setMinimumSize(QSize(0, 40))

        self.assignRow.addWidget(self.assignButton)


        self.peerMentorLayout.addLayout(self.assignRow)


        self.layout.addWidget(self.peerMentorGroup)

        self.done = QLabel(WhoWorksWithDialog)
        self.done.setObjectName(u"done")
        self.done.setWordWrap(True)

        self.layout.addWidget(self.done)

        self.problem = QLabel(WhoWorksWithDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(WhoWorksWithDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.handOnToLabel.setBuddy(self.handOnTo)
        self.newPeerMentorLabel.setBuddy(self.newPeerMentor)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.handOnTo, self.handOnButton)
        QWidget.setTabOrder(self.handOnButton, self.peerMentors)
        QWidget.setTabOrder(self.peerMentors, self.endButton)
        QWidget.setTabOrder(self.endButton, self.newPeerMentor)
        QWidget.setTabOrder(self.newPeerMentor, self.assignButton)
        QWidget.setTabOrder(self.assignButton, self.buttons)

        self.retranslateUi(WhoWorksWithDialog)

        QMetaObject.connectSlotsByName(WhoWorksWithDialog)
    # setupUi

    def retranslateUi(self, WhoWorksWithDialog):
        WhoWorksWithDialog.setWindowTitle(QCoreApplication.translate("WhoWorksWithDialog", u"Who works with this person", None))
        self.intro.setText(QCoreApplication.translate("WhoWorksWithDialog", u"Their key worker and peer mentors open their record. Each change is saved at once, and managers see it in \u201cWho has seen this\u201d.", None))
        self.keyWorkerGroup.setTitle(QCoreApplication.translate("WhoWorksWithDialog", u"Key worker", None))
        self.keyWorkerNowLabel.setText(QCoreApplication.translate("WhoWorksWithDialog", u"Now", None))
        self.keyWorkerNow.setText(QCoreApplication.translate("WhoWorksWithDialog", u"None yet", None))
        self.handOnToLabel.setText(QCoreApplication.translate("WhoWorksWithDialog", u"Hand &on to", None))
#if QT_CONFIG(accessibility)
        self.handOnTo.setAccessibleName(QCoreApplication.translate("WhoWorksWithDialog", u"Hand on to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.handOnTo.setAccessibleDescription(QCoreApplication.translate("WhoWorksWithDialog", u"The key worker or manager who will be their key worker instead.", None))
#endif // QT_CONFIG(accessibility)
        self.handOnButton.setText(QCoreApplication.translate("WhoWorksWithDialog", u"&Hand on", None))
        self.peerMentorGroup.setTitle(QCoreApplication.translate("WhoWorksWithDialog", u"Peer mentors", None))
#if QT_CONFIG(accessibility)
        self.peerMentors.setAccessibleName(QCoreApplication.translate("WhoWorksWithDialog", u"Peer mentors now", None))
#endif // QT_CONFIG(accessibility)
        self.noPeerMentor.setText(QCoreApplication.translate("WhoWorksWithDialog", u"No peer mentor yet.", None))
        self.endButton.setText(QCoreApplication.translate("WhoWorksWithDialog", u"&End their work with this person", None))
        self.newPeerMentorLabel.setText(QCoreApplication.translate("WhoWorksWithDialog", u"A&dd a peer mentor", None))
#if QT_CONFIG(accessibility)
        self.newPeerMentor.setAccessibleName(QCoreApplication.translate("WhoWorksWithDialog", u"Add a peer mentor", None))
#endif // QT_CONFIG(accessibility)
        self.assignButton.setText(QCoreApplication.translate("WhoWorksWithDialog", u"A&ssign", None))
    # retranslateUi

