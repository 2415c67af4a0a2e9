"""The daily digest: «Ждёт моего действия» by mail (issue 14; RULES.md R12.4c), sent through
Plone's test MailHost. The entries come from the inbox providers: here control's assignments."""

from akimat.content import _
from akimat.content.control import inbox as control_inbox
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core.inbox import OVERDUE
from akimat.content.core.inbox import SOON
from akimat.content.core.inbox import URGENCY_TITLES
from akimat.content.reminders.digest import collect_digests
from akimat.content.reminders.digest import send_reminders
from akimat.content.reminders.tests.mailbox import MailboxMixin
from datetime import date
from freezegun import freeze_time
from plone import api
from zope.i18n import translate


MONDAY = "2026-12-14 06:00:00"  # UTC: 11:00 in Almaty; 16 December is Independence Day
TODAY = date(2026, 12, 14)


class RemindersTestCase(MailboxMixin, AssignmentTestCase):
    def setUp(self):
        super().setUp()
        self.use_mock_mailhost(self.portal)

    def ru(self, message):
        return translate(message, target_language="ru")

    def digest_of(self, userid, today=TODAY):
        return next(
            digest
            for digest in collect_digests(today).digests
            if digest.userid == userid
        )


class TestReminders(RemindersTestCase):
    @freeze_time(MONDAY)
    def test_one_digest_per_person_with_all_their_assignments(self):
        """R12.4c: every executor and the controller get one e-mail listing all their reminders,
        each with its deadline and link."""
        heating = self.assignment(
            title="Подготовить отопительный сезон"
        )  # 18.12: 3 wd left
        snow = self.assignment(
            title="Организовать уборку снега",
            co_executors=[],
            deadline=date(2026, 12, 15),
        )
        report = self.assignment(
            title="Представить отчёт о занятости",
            co_executors=[],
            deadline=date(2026, 12, 10),
        )
        summary = send_reminders()
        # executor 3 + helper 1 + controller 3 actions on the 3 assignments
        self.assertEqual(
            (summary.persons, summary.actions, summary.documents, summary.skipped),
            (3, 7, 3, ()),
        )
        mails = self.mails()
        self.assertEqual(
            set(mails),
            {"executor@example.org", "helper@example.org", "controller@example.org"},
        )
        subject, body = mails["executor@example.org"]
        for assignment, deadline in (
            (heating, "18.12.2026"),
            (snow, "15.12.2026"),
            (report, "10.12.2026"),
        ):
            self.assertIn(assignment.title, body)
            self.assertIn(deadline, body)
            self.assertIn(assignment.absolute_url(), body)
        self.assertEqual(
            mails["controller@example.org"][1].count("http://nohost/plone/"), 3
        )
        helper_body = mails["helper@example.org"][1]
        self.assertIn(heating.title, helper_body)
        self.assertNotIn(snow.title, helper_body)
        self.assertEqual(
            subject,
            self.ru(
                _(
                    "Waiting for your action: ${overdue} overdue, ${today} due today, "
                    "${soon} due within ${days} working days",
                    mapping={"overdue": 1, "today": 0, "soon": 2, "days": 3},
                )
            ),
        )

    @freeze_time(MONDAY)
    def test_a_group_reaches_its_members_and_users_without_email_are_counted(self):
        """R12.4c: a department named as executor reminds its members, nested groups too; a
        member without an e-mail address is skipped and counted."""
        api.group.create(groupname="odk", title="ОДК")
        api.group.create(groupname="odk-heads", title="ОДК: руководство")
        for userid in ("petrova", "tulegenova", "noemail"):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password="secret-123"
            )
        api.user.get(username="noemail").setMemberProperties({"email": ""})
        api.group.add_user(groupname="odk", username="petrova")
        api.group.add_user(groupname="odk", username="noemail")
        api.group.add_user(groupname="odk-heads", username="tulegenova")
        api.portal.get_tool("portal_groups").addPrincipalToGroup("odk-heads", "odk")
        self.assignment(lead_executor="odk", co_executors=[])
        summary = send_reminders()
        self.assertEqual(
            set(self.mails()),
            {"petrova@example.org", "tulegenova@example.org", "controller@example.org"},
        )
        self.assertEqual((summary.persons, summary.skipped), (3, ("noemail",)))

    @freeze_time(MONDAY)
    def test_nothing_is_mailed_about_green_removed_or_noted_only_assignments(self):
        """R12.4c, R12.10: more than 3 wd left (in the inbox, but later), removed from control
        or noted only: nobody is mailed about nothing."""
        self.assignment(
            title="Зелёное", deadline=date(2026, 12, 21)
        )  # 4 working days left
        self.assignment(
            title="К сведению", deadline=date(2026, 12, 15), noted_only=True
        )
        removed = self.assignment(title="Снятое", deadline=date(2026, 12, 10))
        removed.consent_to_removal("akim")
        removed.removal_basis = "impossible"
        with api.env.adopt_user(username="controller"):
            api.portal.get_tool("portal_workflow").doActionFor(removed, "remove")
        summary = send_reminders()
        self.assertEqual(self.mailhost.messages, [])
        self.assertEqual((summary.persons, summary.actions), (0, 0))

    @freeze_time(MONDAY)
    def test_grouped_by_urgency_then_kind(self):
        """R12.4c: overdue first, then due within 3 working days; within each, by kind of action,
        the kind's title translated; each entry says its working days."""
        self.assignment(
            title="Просроченное", co_executors=[], deadline=date(2026, 12, 10)
        )
        self.assignment(
            title="Скоро срок", co_executors=[], deadline=date(2026, 12, 15)
        )
        self.assignment(
            title="Под моим контролем",
            lead_executor="helper",
            co_executors=[],
            controller="executor",
            deadline=date(2026, 12, 17),
        )
        digest = self.digest_of("executor")
        sections = {
            urgency: [
                (kind.id, [e.action.title for e in entries]) for kind, entries in groups
            ]
            for urgency, groups in digest.sections()
        }
        self.assertEqual(
            sections,
            {
                OVERDUE: [(control_inbox.EXECUTE, ["Просроченное"])],
                SOON: [
                    (control_inbox.EXECUTE, ["Скоро срок"]),
                    (control_inbox.WATCH, ["Под моим контролем"]),
                ],
            },
        )
        overdue = digest.inbox.filtered(urgency=OVERDUE).entries[0]
        self.assertEqual(overdue.days_left, -2)  # Friday 11th and Monday 14th
        send_reminders()
        body = self.mails()["executor@example.org"][1]
        order = [
            self.ru(URGENCY_TITLES[OVERDUE]).upper(),
            self.ru(_("Assignments to execute")),
            "Просроченное",
            self.ru(
                _(
                    "Deadline ${date}: overdue, working days past it: ${days}",
                    mapping={"date": "10.12.2026", "days": 2},
                )
            ),
            self.ru(URGENCY_TITLES[SOON]).upper(),
            "Скоро срок",
            self.ru(_("Assignments under my control due soon")),
            "Под моим контролем",
        ]
        positions = [body.index(text) for text in order]
        self.assertEqual(positions, sorted(positions))

    @freeze_time(MONDAY)
    def test_the_leadership_is_reminded_of_what_waits_for_its_decision(self):
        """R12.4c, R12.7a: a request for extension of an assignment due within 3 working days
        is in the digest of the leadership, not of the executors' peers."""
        assignment = self.assignment(title="Продлить?")
        assignment.request_extension("executor", date(2027, 1, 15), "Поставка", TODAY)
        assignment.reindexObject()
        digest = self.digest_of("akim")
        self.assertEqual(
            [(e.action.kind, e.action.title) for e in digest.inbox.entries],
            [(control_inbox.DECIDE_EXTENSION, "Продлить?")],
        )
        send_reminders()
        mails = self.mails()
        self.assertIn(
            self.ru(_("Requests for extension to decide")),
            mails["akim@example.org"][1],
        )
        self.assertNotIn("deputy@example.org", mails)

    @freeze_time(MONDAY)
    def test_three_working_days_across_a_holiday_are_reminded(self):
        """R12.4c, R0.1: on Monday 14.12 a deadline of Friday 18.12 has 3 working days left
        (16.12 is Independence Day), so it is reminded; Monday 21.12 is still green."""
        self.assignment(title="Через праздник", deadline=date(2026, 12, 18))
        self.assignment(title="Ещё не срок", deadline=date(2026, 12, 21))
        found = collect_digests(TODAY)
        self.assertEqual(found.documents, 1)
        entry = self.digest_of("helper").inbox.entries[0]
        self.assertEqual((entry.action.title, entry.days_left), ("Через праздник", 3))
        send_reminders()
        body = self.mails()["helper@example.org"][1]
        self.assertIn("Через праздник", body)
        self.assertNotIn("Ещё не срок", body)

    @freeze_time("2026-12-16 06:00:00")
    def test_nothing_is_sent_on_a_day_off(self):
        """R12.4c counts working days: on Independence Day nobody is mailed; the next working
        day's digest covers the same deadlines."""
        self.assignment(deadline=date(2026, 12, 10))
        summary = send_reminders()
        self.assertTrue(summary.day_off)
        self.assertEqual(self.mailhost.messages, [])
        send_reminders(today=date(2026, 12, 17))
        self.assertEqual(len(self.mailhost.messages), 3)
