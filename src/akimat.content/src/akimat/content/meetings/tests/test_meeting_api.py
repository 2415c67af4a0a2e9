"""Meetings and protocols over real HTTP: plone.restapi's content endpoints with the schemas'
refusals, attendance and votes, the preparation timetable, a protocol from its meeting to
distribution, and the ОДК's weekly timeliness report (RULES.md R5, R8, A6, R2.4, R9.3)."""

from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.meetings.material import MAX_PRESENTATION_BYTES
from akimat.content.meetings.protocol_reports import week_before
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.meetings import MEETING_END
from akimat.content.tests.meetings import MEETING_START
from akimat.content.tests.meetings import MeetingFixture
from akimat.content.tests.rest import RestClient
from datetime import datetime
from datetime import time
from datetime import timedelta

import base64
import transaction
import unittest


MALFORMED = {"data": "{not json", "headers": {"Content-Type": "application/json"}}


def almaty(moment):
    """A naive Almaty time as plone.restapi wants it: with its offset (naive times are UTC)."""
    return f"{moment.isoformat()}+05:00"


def file_data(size, filename):
    return {
        "data": base64.b64encode(b"x" * size).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": "application/octet-stream",
    }


class MeetingApiTestCase(RestClient, MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        transaction.commit()

    def assertRefused(self, response, *words, status=400):
        self.assertEqual(response.status_code, status, response.text)
        body = response.json()
        # Our services wrap the error in "error"; plone.restapi's own validation errors do not.
        message = body.get("error", body)["message"]
        for word in words:
            self.assertIn(word, message)
        return message

    def assertDenied(self, response):
        """Refused for the user: 401/403 with plone.rest's JSON error."""
        self.assertIn(response.status_code, (401, 403), response.text)
        self.assertIn(response.json()["type"], ("Unauthorized", "Forbidden"))

    def assertCreated(self, response):
        self.assertEqual(response.status_code, 201, response.text)
        return response.json()

    def committed(self, obj):
        transaction.commit()
        return obj.absolute_url()


class TestMeetingContent(MeetingApiTestCase):
    """Meetings and agenda items are plone.restapi content; the schemas' rules answer 400."""

    def meeting_body(self, **fields):
        body = {
            "@type": "Meeting",
            "kind": "akimat-session",
            "title": "Заседание акимата",
            "start": almaty(MEETING_START),
            "end": almaty(MEETING_END),
            "meeting_format": "in-person",
            "chair": "the-akim",
            "secretary": "organiser",
        }
        body.update(fields)
        return body

    def create_meeting(self, **fields):
        return self.post(
            "organiser", self.meetings.absolute_url(), self.meeting_body(**fields)
        )

    def test_meeting_created_with_quorum_and_timetable(self):
        """R5.2, R5.4, R5.6, R5.8: a session chaired by the akim; its JSON carries the quorum of
        the akimat members and the preparation timetable."""
        data = self.assertCreated(self.create_meeting())["meeting"]
        self.assertEqual((data["review_state"], data["day"]), ("planned", "2026-12-08"))
        self.assertEqual(
            data["quorum"],
            {"members": 9, "present": 0, "needed": 6, "has_quorum": False},
        )
        steps = {step["id"]: step for step in data["preparation"]}
        self.assertEqual(set(steps), {"materials", "package", "handouts", "protocol"})
        self.assertEqual(
            (steps["materials"]["due"], steps["materials"]["rule"]),
            ("2026-12-01", "R5.6"),
        )
        self.assertEqual(steps["package"]["responsible"], ["orgotdel"])
        self.assertFalse(steps["package"]["late"])

    def test_second_booking_of_a_hall_is_a_400(self):
        """R2.4: a booking of a hall at an overlapping time is refused with a 400 naming the hall."""
        self.committed(self.meeting(hall="Малый зал"))
        overlapping = self.create_meeting(
            hall="Малый зал",
            start=almaty(MEETING_START + timedelta(hours=1)),
            end=almaty(MEETING_END + timedelta(hours=1)),
        )
        self.assertRefused(overlapping, "Малый зал", "08.12.2026 10:00", "другой зал")

    def test_session_chaired_by_somebody_else_is_a_400(self):
        """R5.2: the akim chairs an akimat session, in his absence the acting akim."""
        self.assertRefused(
            self.create_meeting(chair="economist"), "исполняющий обязанности акима"
        )

    def test_agenda_item_created_with_its_number(self):
        """A6.2: an agenda item «О …» is numbered in its meeting and has no vote yet."""
        url = self.committed(self.meeting())
        body = {"@type": "AgendaItem", "title": "О ходе отопительного сезона"}
        item = self.assertCreated(self.post("organiser", url, body))
        self.assertEqual(item["agenda_item"], {"number": 1, "vote": None})

    def test_agenda_item_title_without_o_is_a_400(self):
        """A6.2: an agenda item's title starts with «О» / «Об»."""
        url = self.committed(self.meeting())
        refused = self.post(
            "organiser",
            url,
            {"@type": "AgendaItem", "title": "Ход отопительного сезона"},
        )
        self.assertRefused(refused, "«О» или «Об»")

    def test_restricted_material_and_large_presentation_are_400(self):
        """R9.3: a material marked ДСП is refused; R5.6: a presentation over 10 MB is refused."""
        url = self.committed(self.item(self.meeting()))

        def material(kind, file, restriction="none"):
            return self.post(
                "economist",
                url,
                {
                    "@type": "Material",
                    "kind": kind,
                    "title": "Материал",
                    "file": file,
                    "restriction": restriction,
                    "material_language": "ru",
                },
            )

        self.assertRefused(
            material("certificate", file_data(10, "spravka.docx"), restriction="dsp"),
            "в электронном виде",
        )
        self.assertRefused(
            material(
                "presentation", file_data(MAX_PRESENTATION_BYTES + 1, "slides.pptx")
            ),
            "10 МБ",
        )
        self.assertCreated(material("presentation", file_data(1000, "slides.pptx")))


class TestAttendanceAndVotes(MeetingApiTestCase):
    def setUp(self):
        super().setUp()
        session = self.meeting(kind="akimat-session", title="Заседание акимата")
        items = [
            self.item(session, title="О бюджете района"),
            self.item(session, title="Об отчёте акима"),
        ]
        self.url = self.committed(self.held(session))
        self.item_urls = [item.absolute_url() for item in items]

    def attendance(self, present, user="organiser"):
        return self.post(user, f"{self.url}/@attendance", {"present": present})

    def vote(self, number, votes_for, against, abstained=0, user="organiser"):
        body = {"for": votes_for, "against": against, "abstained": abstained}
        return self.post(user, f"{self.item_urls[number - 1]}/@vote", body)

    def test_no_vote_without_quorum_then_majority_decides(self):
        """R5.4: five of nine members are no quorum and the vote is refused; with six present a
        majority adopts, a tie rejects; only members count."""
        answered = self.attendance(["the-akim", "deputy", "deputy2", "head", "member1"])
        self.assertEqual(answered.status_code, 200, answered.text)
        self.assertEqual(
            answered.json()["quorum"],
            {"members": 9, "present": 5, "needed": 6, "has_quorum": False},
        )
        self.assertRefused(self.vote(1, 5, 0), "Нет кворума")
        self.assertRefused(self.attendance(["the-akim", "economist"]), "economist")

        self.assertTrue(
            self.attendance(
                ["the-akim", "deputy", "deputy2", "head", "member1", "member2"]
            ).json()["quorum"]["has_quorum"]
        )
        adopted = self.vote(1, 4, 2)
        self.assertEqual(adopted.status_code, 200, adopted.text)
        self.assertEqual(
            adopted.json(),
            {
                "number": 1,
                "vote": {"for": 4, "against": 2, "abstained": 0, "outcome": "adopted"},
            },
        )
        self.assertEqual(self.vote(2, 3, 3).json()["vote"]["outcome"], "rejected")
        self.assertRefused(
            self.vote(2, 5, 5), "10", "6"
        )  # more votes than members present
        item = self.session("economist").get(self.item_urls[0]).json()
        self.assertEqual(item["agenda_item"]["vote"]["outcome"], "adopted")

    def test_wrong_user_and_malformed_json(self):
        """R5.4: only the meeting's organisers record attendance and votes; bad bodies are 400."""
        self.assertDenied(self.attendance(["the-akim"], user="economist"))
        self.assertDenied(self.vote(1, 1, 0, user="economist"))
        self.assertRefused(
            self.post("organiser", f"{self.url}/@attendance", **MALFORMED), "JSON"
        )
        self.assertRefused(
            self.post("organiser", f"{self.item_urls[0]}/@vote", **MALFORMED), "JSON"
        )
        self.assertRefused(self.attendance("the-akim"), "present")
        # plone.restapi's own content endpoint: malformed JSON is the client's error too
        created = self.post(
            "organiser", self.portal["meetings"].absolute_url(), **MALFORMED
        )
        self.assertEqual(created.status_code, 400, created.text)
        self.assertIn("message", created.json())


class TestPreparation(MeetingApiTestCase):
    def test_steps_read_and_marked_done(self):
        """R5.24, R5.57: the timetable over REST; the secretary marks the agenda sent."""
        url = self.committed(self.meeting(hall="Малый зал"))
        steps = self.session("economist").get(f"{url}/@preparation").json()["steps"]
        self.assertEqual(
            [step["id"] for step in steps],
            ["agenda", "materials", "hall", "proceedings", "passes", "protocol"],
        )
        self.assertEqual(
            (steps[0]["due"], steps[0]["responsible"]), ("2026-12-02", ["svodny-otdel"])
        )
        marked = self.post(
            "summary-officer", f"{url}/@preparation", {"step": "agenda", "done": True}
        )
        self.assertEqual(marked.status_code, 200, marked.text)
        agenda = marked.json()["steps"][0]
        self.assertEqual(
            (agenda["done_by"], agenda["done_on"]),
            ("summary-officer", now().date().isoformat()),
        )
        self.assertRefused(
            self.post(
                "summary-officer", f"{url}/@preparation", {"step": "no-such-step"}
            )
        )
        self.assertRefused(
            self.post(
                "summary-officer",
                f"{url}/@preparation",
                {"step": "agenda", "done": "yes"},
            )
        )
        self.assertRefused(
            self.post("summary-officer", f"{url}/@preparation", **MALFORMED), "JSON"
        )
        self.assertDenied(
            self.post("economist", f"{url}/@preparation", {"step": "agenda"})
        )


class TestProtocolJourney(MeetingApiTestCase):
    def transition(self, url, transition, user, comment=""):
        return self.post(user, f"{url}/@workflow/{transition}", {"comment": comment})

    def post_assignment(self, url, number):
        return self.assertCreated(
            self.post(
                "odk-officer",
                url,
                {
                    "@type": "Assignment",
                    "title": "Обеспечить подготовку к отопительному сезону",
                    "number": number,
                    "source_kind": "apparatus-meeting",
                    "lead_executor": "economy",
                    "controller": "odk",
                    "deadline": "2027-02-26",
                },
            )
        )

    def protocol_of_held_meeting(self):
        url = self.committed(self.held_meeting())
        self.assertRefused(self.post("economist", f"{url}/@protocol"), status=403)
        self.assertRefused(
            self.post("odk-officer", f"{url}/@protocol", **MALFORMED), "JSON"
        )
        created = self.post("odk-officer", f"{url}/@protocol")
        data = self.assertCreated(created)
        self.assertEqual(created.headers["Location"], data["@id"])
        self.assertTrue(
            data["@id"].startswith(f"{self.protocols.absolute_url()}/"), data["@id"]
        )
        self.assertRefused(
            self.post("odk-officer", f"{url}/@protocol")
        )  # one protocol a meeting
        return data

    def test_from_meeting_to_distribution(self):
        """A6.1/A6.2: the protocol from its meeting; R8.5b: numbering checked on submission;
        R8.5d: visas; A6.3: the chair and the secretary sign, none else, registration waits for
        both; A6.4: number 1; R8.7: registered protocols are frozen and sent; R12.4a: its
        assignments are on the control list with the protocol as their source."""
        data = self.protocol_of_held_meeting()
        url, block = data["@id"], data["protocol"]
        self.assertEqual(
            (block["review_state"], block["meeting_date"], block["meeting_kind"]),
            ("draft", "2026-12-08", "apparatus-meeting"),
        )
        self.assertEqual(
            [(s["number"], s["title"]) for s in block["sections"]],
            [(1, "О ходе отопительного сезона"), (2, "Об исполнении бюджета")],
        )
        self.assertEqual(block["signatories"], ["the-akim", "summary-officer"])

        self.post_assignment(url, "1.1")
        refused = self.transition(url, "submit", "odk-officer")
        self.assertIn("2", self.assertRefused(refused))  # item 2 has no decision
        self.assertEqual(refused.json()["error"]["type"], "WorkflowException")
        decided = {"decided": "Принять к сведению."}
        patched = self.session("odk-officer").patch(
            block["sections"][1]["@id"], json=decided
        )
        self.assertEqual(patched.status_code, 204, patched.text)
        self.assertRefused(
            self.transition(url, "submit", "odk-officer"), "1.1"
        )  # no item 1
        self.post_assignment(url, "1")
        self.assertEqual(self.transition(url, "submit", "odk-officer").status_code, 200)

        agreement = self.session("deputy").get(f"{url}/@visas").json()
        self.assertTrue(agreement["awaiting_me"])
        self.assertDenied(
            self.post("economist", f"{url}/@visas", {"decision": "agree"})
        )
        self.assertRefused(self.post("deputy", f"{url}/@visas", **MALFORMED), "JSON")
        # The legal consultant last (R5.34)
        for approver in (
            "deputy",
            "deputy2",
            "head",
            "lawyer",
        ):
            visaed = self.post(approver, f"{url}/@visas", {"decision": "agree"})
            self.assertEqual(visaed.status_code, 200, (approver, visaed.text))

        self.assertDenied(self.post("deputy", f"{url}/@sign"))
        self.assertRefused(self.post("the-akim", f"{url}/@sign", **MALFORMED), "JSON")
        signed = self.post("the-akim", f"{url}/@sign")
        self.assertEqual(signed.status_code, 200, signed.text)
        self.assertEqual(
            (
                [s["userid"] for s in signed.json()["signatures"]],
                signed.json()["fully_signed"],
            ),
            (["the-akim"], False),
        )
        self.assertRefused(self.post("the-akim", f"{url}/@sign"))  # once
        self.assertRefused(
            self.transition(url, "register", "odk-officer"),
            "председателем и секретарём",
        )
        self.assertTrue(
            self.post("summary-officer", f"{url}/@sign").json()["fully_signed"]
        )
        self.assertEqual(
            self.transition(url, "register", "odk-officer").status_code, 200
        )

        block = self.session("economist").get(url).json()["protocol"]
        self.assertEqual(
            (block["review_state"], block["registration_number"]), ("registered", 1)
        )
        self.assertEqual([a["number"] for a in block["assignments"]], ["1", "1.1"])
        self.assertDenied(
            self.session("odk-officer").patch(url, json={"title": "Иное"})
        )
        self.assertEqual(self.transition(url, "send", "odk-officer").status_code, 200)

        listed = self.session("odk-officer").get("/@control-list").json()["items"]
        self.assertEqual(sorted(row["number"] for row in listed), ["1", "1.1"])
        for row in listed:
            self.assertTrue(row["@id"].startswith(f"{url}/"), row["@id"])
            self.assertEqual(row["source_kind"]["token"], "apparatus-meeting")
        self.assertEqual(
            self.session("odk-officer").get(listed[0]["@id"]).json()["source"]["@id"],
            url,
        )


class TestProtocolTimeliness(MeetingApiTestCase):
    def protocol_of_day(self, day, drawn_up_on=None):
        """The protocol of an apparatus meeting held on `day`, drawn up on `drawn_up_on`."""
        start = datetime.combine(day, time(10))
        meeting = self.held(
            self.meeting(
                title=f"Совещание {day}", start=start, end=start + timedelta(hours=1)
            )
        )
        protocol = self.protocol(meeting)
        protocol.drawn_up_on = drawn_up_on
        protocol.reindexObject()
        return protocol

    def test_late_protocols_of_the_week(self):
        """R8.6: the protocols of the week's meetings with the working days they were (or are) late."""
        calendar, today = get_calendar(), now().date()
        monday, _sunday = week_before(today - timedelta(weeks=4))
        late_due = calendar.add_working_days(monday, 1)
        late = self.protocol_of_day(
            monday, drawn_up_on=calendar.add_working_days(late_due, 2)
        )
        in_time_day = monday + timedelta(days=2)
        in_time = self.protocol_of_day(
            in_time_day, drawn_up_on=calendar.add_working_days(in_time_day, 1)
        )
        last_week, _sunday = week_before(today)
        pending = self.protocol_of_day(last_week + timedelta(days=1))
        self.protocol_of_day(today)  # this week: not reported yet
        transaction.commit()

        next_monday = monday + timedelta(days=7)
        report = self.session("odk-officer").get(
            f"/@protocol-timeliness?week={next_monday.isoformat()}"
        )
        self.assertEqual(report.status_code, 200, report.text)
        self.assertEqual(report.json()["week"]["start"], monday.isoformat())
        rows = {row["@id"]: row for row in report.json()["items"]}
        self.assertEqual(set(rows), {late.absolute_url(), in_time.absolute_url()})
        self.assertEqual(
            (rows[late.absolute_url()]["days_late"], rows[late.absolute_url()]["late"]),
            (2, True),
        )
        self.assertEqual(rows[late.absolute_url()]["due"], late_due.isoformat())
        self.assertEqual(rows[in_time.absolute_url()]["days_late"], 0)

        # By default the last full week; a protocol not drawn up is late until today.
        rows = self.session("odk-officer").get("/@protocol-timeliness").json()["items"]
        self.assertEqual([row["@id"] for row in rows], [pending.absolute_url()])
        expected = max(0, calendar.working_days_between(pending.due_date(), today))
        self.assertEqual(
            (rows[0]["drawn_up_on"], rows[0]["days_late"]), (None, expected)
        )
        self.assertEqual(rows[0]["meeting_kind"]["token"], "apparatus-meeting")

        self.assertRefused(
            self.session("odk-officer").get("/@protocol-timeliness?week=14.12.2026"),
            "week",
        )
        self.assertDenied(self.session("economist").get("/@protocol-timeliness"))
