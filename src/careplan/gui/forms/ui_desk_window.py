# Generated from ui/desk_window.ui by packaging/compile_forms.py: do not edit, edit the form.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'desk_window.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_DeskWindow(object):
    def setupUi(self, DeskWindow):
        if not DeskWindow.objectName():
            DeskWindow.setObjectName(u"DeskWindow")
        self.layout = QVBoxLayout(DeskWindow)
        self.layout.setObjectName(u"layout")
        self.summary = QLabel(DeskWindow)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.tabs = QTabWidget(DeskWindow)
        self.tabs.setObjectName(u"tabs")
        self.approvePage = QWidget()
        self.approvePage.setObjectName(u"approvePage")
        self.approvePageLayout = QVBoxLayout(self.approvePage)
        self.approvePageLayout.setObjectName(u"approvePageLayout")
        self.approveHelp = QLabel(self.approvePage)
        self.approveHelp.setObjectName(u"approveHelp")
        self.approveHelp.setWordWrap(True)

        self.approvePageLayout.addWidget(self.approveHelp)

        self.approveTable = QTableView(self.approvePage)
        self.approveTable.setObjectName(u"approveTable")

        self.approvePageLayout.addWidget(self.approveTable)

        self.approveButtons = QHBoxLayout()
        self.approveButtons.setObjectName(u"approveButtons")
        self.approveButton = QPushButton(self.approvePage)
        self.approveButton.setObjectName(u"approveButton")

        self.approveButtons.addWidget(self.approveButton)

        self.approveOpenButton = QPushButton(self.approvePage)
        self.approveOpenButton.setObjectName(u"approveOpenButton")

        self.approveButtons.addWidget(self.approveOpenButton)

        self.approveButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.approveButtons.addItem(self.approveButtonsSpacer)


        self.approvePageLayout.addLayout(self.approveButtons)

        self.tabs.addTab(self.approvePage, "")
        self.requestsPage = QWidget()
        self.requestsPage.setObjectName(u"requestsPage")
        self.requestsPageLayout = QVBoxLayout(self.requestsPage)
        self.requestsPageLayout.setObjectName(u"requestsPageLayout")
        self.requestsHelp = QLabel(self.requestsPage)
        self.requestsHelp.setObjectName(u"requestsHelp")
        self.requestsHelp.setWordWrap(True)

        self.requestsPageLayout.addWidget(self.requestsHelp)

        self.requestsTable = QTableView(self.requestsPage)
        self.requestsTable.setObjectName(u"requestsTable")

        self.requestsPageLayout.addWidget(self.requestsTable)

        self.requestsButtons = QHBoxLayout()
        self.requestsButtons.setObjectName(u"requestsButtons")
        self.requestsOpenButton = QPushButton(self.requestsPage)
        self.requestsOpenButton.setObjectName(u"requestsOpenButton")

        self.requestsButtons.addWidget(self.requestsOpenButton)

        self.requestsButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.requestsButtons.addItem(self.requestsButtonsSpacer)


        self.requestsPageLayout.addLayout(self.requestsButtons)

        self.tabs.addTab(self.requestsPage, "")
        self.reviewsPage = QWidget()
        self.reviewsPage.setObjectName(u"reviewsPage")
        self.reviewsPageLayout = QVBoxLayout(self.reviewsPage)
        self.reviewsPageLayout.setObjectName(u"reviewsPageLayout")
        self.reviewsHelp = QLabel(self.reviewsPage)
        self.reviewsHelp.setObjectName(u"reviewsHelp")
        self.reviewsHelp.setWordWrap(True)

        self.reviewsPageLayout.addWidget(self.reviewsHelp)

        self.byKeyWorkerTable = QTableView(self.reviewsPage)
        self.byKeyWorkerTable.setObjectName(u"byKeyWorkerTable")

        self.reviewsPageLayout.addWidget(self.byKeyWorkerTable)

        self.reviewsTable = QTableView(self.reviewsPage)
        self.reviewsTable.setObjectName(u"reviewsTable")

        self.reviewsPageLayout.addWidget(self.reviewsTable)

        self.reviewsButtons = QHBoxLayout()
        self.reviewsButtons.setObjectName(u"reviewsButtons")
        self.reviewsOpenButton = QPushButton(self.reviewsPage)
        self.reviewsOpenButton.setObjectName(u"reviewsOpenButton")

        self.reviewsButtons.addWidget(self.reviewsOpenButton)

        self.reviewsButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewsButtons.addItem(self.reviewsButtonsSpacer)


        self.reviewsPageLayout.addLayout(self.reviewsButtons)

        self.tabs.addTab(self.reviewsPage, "")
        self.endingPage = QWidget()
        self.endingPage.setObjectName(u"endingPage")
        self.endingPageLayout = QVBoxLayout(self.endingPage)
        self.endingPageLayout.setObjectName(u"endingPageLayout")
        self.endingHelp = QLabel(self.endingPage)
        self.endingHelp.setObjectName(u"endingHelp")
        self.endingHelp.setWordWrap(True)

        self.endingPageLayout.addWidget(self.endingHelp)

        self.endingTable = QTableView(self.endingPage)
        self.endingTable.setObjectName(u"endingTable")

        self.endingPageLayout.addWidget(self.endingTable)

        self.endingButtons = QHBoxLayout()
        self.endingButtons.setObjectName(u"endingButtons")
        self.endingOpenButton = QPushButton(self.endingPage)
        self.endingOpenButton.setObjectName(u"endingOpenButton")

        self.endingButtons.addWidget(self.endingOpenButton)

        self.endingButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endingButtons.addItem(self.endingButtonsSpacer)


        self.endingPageLayout.addLayout(self.endingButtons)

        self.tabs.addTab(self.endingPage, "")
        self.nearLimitPage = QWidget()
        self.nearLimitPage.setObjectName(u"nearLimitPage")
        self.nearLimitPageLayout = QVBoxLayout(self.nearLimitPage)
        self.nearLimitPageLayout.setObjectName(u"nearLimitPageLayout")
        self.nearLimitHelp = QLabel(self.nearLimitPage)
        self.nearLimitHelp.setObjectName(u"nearLimitHelp")
        self.nearLimitHelp.setWordWrap(True)

        self.nearLimitPageLayout.addWidget(self.nearLimitHelp)

        self.nearLimitTable = QTableView(self.nearLimitPage)
        self.nearLimitTable.setObjectName(u"nearLimitTable")

        self.nearLimitPageLayout.addWidget(self.nearLimitTable)

        self.nearLimitButtons = QHBoxLayout()
        self.nearLimitButtons.setObjectName(u"nearLimitButtons")
        self.nearLimitOpenButton = QPushButton(self.nearLimitPage)
        self.nearLimitOpenButton.setObjectName(u"nearLimitOpenButton")

        self.nearLimitButtons.addWidget(self.nearLimitOpenButton)

        self.nearLimitButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nearLimitButtons.addItem(self.nearLimitButtonsSpacer)


        self.nearLimitPageLayout.addLayout(self.nearLimitButtons)

        self.tabs.addTab(self.nearLimitPage, "")
        self.moneyPage = QWidget()
        self.moneyPage.setObjectName(u"moneyPage")
        self.moneyLayout = QGridLayout(self.moneyPage)
        self.moneyLayout.setObjectName(u"moneyLayout")
        self.moneyHelp = QLabel(self.moneyPage)
        self.moneyHelp.setObjectName(u"moneyHelp")
        self.moneyHelp.setWordWrap(True)

        self.moneyLayout.addWidget(self.moneyHelp, 0, 0, 1, 2)

        self.categoryChartArea = QWidget(self.moneyPage)
        self.categoryChartArea.setObjectName(u"categoryChartArea")
        self.categoryChartArea.setMinimumSize(QSize(0, 300))
        self.categoryChartLayout = QVBoxLayout(self.categoryChartArea)
        self.categoryChartLayout.setObjectName(u"categoryChartLayout")
        self.categoryChartLayout.setContentsMargins(0, 0, 0, 0)

        self.moneyLayout.addWidget(self.categoryChartArea, 1, 0, 1, 1)

        self.monthChartArea = QWidget(self.moneyPage)
        self.monthChartArea.setObjectName(u"monthChartArea")
        self.monthChartArea.setMinimumSize(QSize(0, 300))
        self.monthChartLayout = QVBoxLayout(self.monthChartArea)
        self.monthChartLayout.setObjectName(u"monthChartLayout")
        self.monthChartLayout.setContentsMargins(0, 0, 0, 0)

        self.moneyLayout.addWidget(self.monthChartArea, 1, 1, 1, 1)

        self.categoryTable = QTableView(self.moneyPage)
        self.categoryTable.setObjectName(u"categoryTable")

        self.moneyLayout.addWidget(self.categoryTable, 2, 0, 1, 1)

        self.monthTable = QTableView(self.moneyPage)
        self.monthTable.setObjectName(u"monthTable")

        self.moneyLayout.addWidget(self.monthTable, 2, 1, 1, 1)

        self.moneyButtons = QHBoxLayout()
        self.moneyButtons.setObjectName(u"moneyButtons")
        self.exportButton = QPushButton(self.moneyPage)
        self.exportButton.setObjectName(u"exportButton")

        self.moneyButtons.addWidget(self.exportButton)

        self.moneyButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.moneyButtons.addItem(self.moneyButtonsSpacer)


        self.moneyLayout.addLayout(self.moneyButtons, 3, 0, 1, 2)

        self.tabs.addTab(self.moneyPage, "")
        self.caseloadsPage = QWidget()
        self.caseloadsPage.setObjectName(u"caseloadsPage")
        self.caseloadsPageLayout = QVBoxLayout(self.caseloadsPage)
        self.caseloadsPageLayout.setObjectName(u"caseloadsPageLayout")
        self.caseloadsHelp = QLabel(self.caseloadsPage)
        self.caseloadsHelp.setObjectName(u"caseloadsHelp")
        self.caseloadsHelp.setWordWrap(True)

        self.caseloadsPageLayout.addWidget(self.caseloadsHelp)

        self.caseloadTable = QTableView(self.caseloadsPage)
        self.caseloadTable.setObjectName(u"caseloadTable")

        self.caseloadsPageLayout.addWidget(self.caseloadTable)

        self.tabs.addTab(self.caseloadsPage, "")

        self.layout.addWidget(self.tabs)

        self.bottomButtons = QHBoxLayout()
        self.bottomButtons.setObjectName(u"bottomButtons")
        self.reloadButton = QPushButton(DeskWindow)
        self.reloadButton.setObjectName(u"reloadButton")

        self.bottomButtons.addWidget(self.reloadButton)

        self.closeButton = QPushButton(DeskWindow)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomButtons.addWidget(self.closeButton)

        self.said = QLabel(DeskWindow)
        self.said.setObjectName(u"said")
        self.said.setProperty(u"role", u"done")

        self.bottomButtons.addWidget(self.said)

        self.bottomButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomButtons.addItem(self.bottomButtonsSpacer)


        self.layout.addLayout(self.bottomButtons)


        self.retranslateUi(DeskWindow)

        QMetaObject.connectSlotsByName(DeskWindow)
    # setupUi

    def retranslateUi(self, DeskWindow):
        DeskWindow.setWindowTitle(QCoreApplication.translate("DeskWindow", u"Manager's desk", None))
        self.summary.setText("")
        self.approveHelp.setText(QCoreApplication.translate("DeskWindow", u"Plans signed by the person and their key worker, waiting for a manager's approval, longest waiting first. Choose one and press Enter (or Approve\u2026) to read what you approve before you confirm.", None))
#if QT_CONFIG(accessibility)
        self.approveTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Plans waiting for approval", None))
#endif // QT_CONFIG(accessibility)
        self.approveButton.setText(QCoreApplication.translate("DeskWindow", u"&Approve\u2026", None))
        self.approveOpenButton.setText(QCoreApplication.translate("DeskWindow", u"&Open the person's record", None))
        self.tabs.setTabText(self.tabs.indexOf(self.approvePage), QCoreApplication.translate("DeskWindow", u"&To approve", None))
        self.requestsHelp.setText(QCoreApplication.translate("DeskWindow", u"Requests for a service not in the catalogue, waiting for a decision, longest waiting first. Press Enter to open the person's record.", None))
#if QT_CONFIG(accessibility)
        self.requestsTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Requests waiting for a decision", None))
#endif // QT_CONFIG(accessibility)
        self.requestsOpenButton.setText(QCoreApplication.translate("DeskWindow", u"&Open the person's record", None))
        self.tabs.setTabText(self.tabs.indexOf(self.requestsPage), QCoreApplication.translate("DeskWindow", u"&Requests", None))
        self.reviewsHelp.setText(QCoreApplication.translate("DeskWindow", u"Reviews overdue or due soon, most overdue first, and how many each key worker has. Press Enter to open the person's record.", None))
#if QT_CONFIG(accessibility)
        self.byKeyWorkerTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Reviews due and overdue by key worker", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reviewsTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Reviews due and overdue", None))
#endif // QT_CONFIG(accessibility)
        self.reviewsOpenButton.setText(QCoreApplication.translate("DeskWindow", u"&Open the person's record", None))
        self.tabs.setTabText(self.tabs.indexOf(self.reviewsPage), QCoreApplication.translate("DeskWindow", u"Re&views", None))
        self.endingHelp.setText("")
#if QT_CONFIG(accessibility)
        self.endingTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Plans ending or past their year", None))
#endif // QT_CONFIG(accessibility)
        self.endingOpenButton.setText(QCoreApplication.translate("DeskWindow", u"&Open the person's record", None))
        self.tabs.setTabText(self.tabs.indexOf(self.endingPage), QCoreApplication.translate("DeskWindow", u"&Ending", None))
        self.nearLimitHelp.setText(QCoreApplication.translate("DeskWindow", u"Services of the plans approved or in action where at least 90 % of what is set aside is used, or more than is set aside (with a manager's agreement), longest first: waiting since it crossed the line. Press Enter to open the person's record.", None))
#if QT_CONFIG(accessibility)
        self.nearLimitTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Services near or over what is set aside", None))
#endif // QT_CONFIG(accessibility)
        self.nearLimitOpenButton.setText(QCoreApplication.translate("DeskWindow", u"&Open the person's record", None))
        self.tabs.setTabText(self.tabs.indexOf(self.nearLimitPage), QCoreApplication.translate("DeskWindow", u"&Near or over", None))
        self.moneyHelp.setText("")
#if QT_CONFIG(accessibility)
        self.categoryTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Money by service category", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.monthTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Money by month", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("DeskWindow", u"E&xport totals to CSV\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.moneyPage), QCoreApplication.translate("DeskWindow", u"&Money", None))
        self.caseloadsHelp.setText(QCoreApplication.translate("DeskWindow", u"How many people each key worker (and manager) is the key worker of, largest caseload first.", None))
#if QT_CONFIG(accessibility)
        self.caseloadTable.setAccessibleName(QCoreApplication.translate("DeskWindow", u"Caseload sizes", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.caseloadsPage), QCoreApplication.translate("DeskWindow", u"&Caseloads", None))
        self.reloadButton.setText(QCoreApplication.translate("DeskWindow", u"Re&load", None))
        self.closeButton.setText(QCoreApplication.translate("DeskWindow", u"Close", None))
        self.said.setText("")
    # retranslateUi

