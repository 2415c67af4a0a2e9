"""Reminders of deadlines by e-mail (RULES.md R12.4c), sent through Plone's test MailHost."""

from akimat.content import _
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.reminders.digest import collect_digests
from akimat.content.reminders.digest import send_reminders
from datetime import date
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from freezegun import freeze_time
from plone import api
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager
from zope.i18n import translate


MONDAY = "2026-12-14 06:00:00"  # UTC: 11:00 in Almaty; 16 December is Independence Day
TODAY = date(2026, 12, 14)


class RemindersTestCase(AssignmentTestCase):
    def setUp(self):
        super().setUp()
        api.portal.set_registry_record("plone.smtp_host", "localhost")
        api.portal.set_registry_record(
            "plone.email_from_address", "noreply@baidibek.example"
        )
        api.portal.set_registry_record(
            "plone.email_from_name", "Интранет аппарата акима"
        )
        self.original_mailhost = self.portal.MailHost
        self.mailhost = MockMailHost("MailHost")
        self.portal.MailHost = self.mailhost
        site_manager = getSiteManager(self.portal)
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(self.mailhost, provided=IMailHost)

    def tearDown(self):
        self.portal.MailHost = self.original_mailhost
        site_manager = getSiteManager(self.portal)
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(self.original_mailhost, provided=IMailHost)

    def mails(self):
        """{recipient: (subject, body)} of the messages sent; fails on two to one person."""
        mails = {}
        for raw in self.mailhost.messages:  # the MailHost keeps the bytes it would send
            message = message_from_bytes(raw)
            self.assertNotIn(message["To"], mails, "one digest per person")
            subject = str(make_header(decode_header(message["Subject"])))
            body = message.get_payload(decode=True).decode(
                message.get_content_charset()
            )
            mails[message["To"]] = (subject, body)
        return mails

    def ru(self, message):
        return translate(message, target_language="ru")


class TestReminders(RemindersTestCase):
    @freeze_time(MONDAY)
    def test_one_digest_per_person_with_all_their_assignments(self):
        """R12.4c: every executor and the controller get one e-mail listing all their reminders."""
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
        self.assertEqual(
            (summary.persons, summary.assignments, summary.skipped), (3, 3, ())
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
                    "Assignments on control: ${overdue} overdue, ${due} due within ${days} "
                    "working days",
                    mapping={"due": 2, "days": 3, "overdue": 1},
                )
            ),
        )

    @freeze_time(MONDAY)
    def test_a_group_reaches_its_members_and_users_without_email_are_counted(self):
        """R12.4c: a department named as executor reminds its members, nested groups too."""
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
    def test_green_removed_and_noted_only_assignments_are_not_reminded(self):
        """R12.4c, R12.10: more than 3 wd left, removed from control or noted only: no mail."""
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
        self.assertEqual((summary.persons, summary.assignments), (0, 0))

    @freeze_time(MONDAY)
    def test_overdue_assignments_are_reported_as_overdue(self):
        """R12.4c: an assignment past its deadline is listed as overdue, before the due ones."""
        self.assignment(
            title="Просроченное", co_executors=[], deadline=date(2026, 12, 10)
        )
        self.assignment(
            title="Скоро срок", co_executors=[], deadline=date(2026, 12, 15)
        )
        digest = collect_digests(TODAY).digests[0]
        self.assertEqual([r.title for r in digest.overdue], ["Просроченное"])
        self.assertEqual(digest.overdue[0].days_left, -2)  # Friday 11th and Monday 14th
        self.assertEqual([r.title for r in digest.due], ["Скоро срок"])
        send_reminders()
        body = self.mails()["executor@example.org"][1]
        overdue_heading = self.ru(_("Overdue assignments"))
        due_heading = self.ru(
            _("Assignments due within ${days} working days", mapping={"days": 3})
        )
        self.assertLess(body.index(overdue_heading), body.index("Просроченное"))
        self.assertLess(body.index("Просроченное"), body.index(due_heading))
        self.assertLess(body.index(due_heading), body.index("Скоро срок"))

    @freeze_time(MONDAY)
    def test_three_working_days_across_a_holiday_are_reminded(self):
        """R12.4c, R0.1: on Monday 14.12 a deadline of Friday 18.12 has 3 working days left
        (16.12 is Independence Day), so it is reminded; Monday 21.12 is still green."""
        self.assignment(title="Через праздник", deadline=date(2026, 12, 18))
        self.assignment(title="Ещё не срок", deadline=date(2026, 12, 21))
        found = collect_digests(TODAY)
        self.assertEqual(found.assignments, 1)
        reminder = found.digests[0].reminders[0]
        self.assertEqual((reminder.title, reminder.days_left), ("Через праздник", 3))
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
