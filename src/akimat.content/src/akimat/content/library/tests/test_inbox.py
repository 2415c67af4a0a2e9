"""What the document library asks of a department head in «Ждёт моего действия»
(library/inbox.py, core/inbox.py; RULES.md R9.10d)."""

from akimat.content.core.inbox import inbox
from akimat.content.library import inbox as library_inbox
from akimat.content.library.tests.test_report_obligations import ObligationTestCase
from datetime import date
from freezegun import freeze_time
from plone import api


TODAY = date(2026, 10, 7)  # the 3rd quarter's report is due on 12 October
PEOPLE = ("economist", "economy-head", "accountant", "finance-head", "press-officer")


def library_actions(userid, today=TODAY):
    """The user's actions of the library's kinds on that day."""
    kinds = {library_inbox.REPORT_DUE, library_inbox.PUBLICATION}
    return [
        entry.action
        for entry in inbox(api.user.get(userid=userid), today=today).entries
        if entry.action.kind in kinds
    ]


def who_has(kind, today=TODAY):
    """{userid: the titles of his actions of that kind}, for everyone who has any."""
    found = {
        userid: [
            action.title
            for action in library_actions(userid, today)
            if action.kind == kind
        ]
        for userid in PEOPLE
    }
    return {userid: titles for userid, titles in found.items() if titles}


@freeze_time("2026-10-07 10:00:00")
class TestLibraryInbox(ObligationTestCase):
    def test_reports_due_wait_for_the_department_head(self):
        """R9.10d, R12.4c: a report owed is the department head's from 3 working days before its
        due day and while late, one action per period; its staff and other heads are not asked."""
        self.assertEqual(
            who_has(library_inbox.REPORT_DUE),
            {
                "economy-head": [
                    f"Отчёт об исполнении бюджета ({period})"
                    for period in ("4/2025", "1/2026", "2/2026", "3/2026")
                ]
            },
        )
        (due,) = [
            action
            for action in library_actions("economy-head")
            if action.title.endswith("(3/2026)")
        ]
        self.assertEqual(due.due, date(2026, 10, 12))
        self.assertEqual(due.uid, f"{self.obligation.UID()}/3/2026")
        self.assertTrue(due.url.endswith("@@library-overview?department=economy"))

    def test_a_published_report_leaves_the_inbox(self):
        """R9.10d: once its head publishes the period's report, it is no longer owed; a draft
        is not enough."""
        draft = self.report(period=3)
        due = who_has(library_inbox.REPORT_DUE)["economy-head"]
        self.assertIn("Отчёт об исполнении бюджета (3/2026)", due)
        self.do(draft, "publish", "economy-head")
        due = who_has(library_inbox.REPORT_DUE)["economy-head"]
        self.assertNotIn("Отчёт об исполнении бюджета (3/2026)", due)

    def test_drafts_wait_for_their_department_head_to_publish(self):
        """R9.10d: a draft report waits for the head of its department, nobody else; published,
        it leaves."""
        draft = self.report(period=3)
        other = self.report(department="finance", period=3)
        self.assertEqual(
            who_has(library_inbox.PUBLICATION),
            {"economy-head": [draft.title], "finance-head": [other.title]},
        )
        self.do(draft, "publish", "economy-head")
        self.assertEqual(
            who_has(library_inbox.PUBLICATION), {"finance-head": [other.title]}
        )
