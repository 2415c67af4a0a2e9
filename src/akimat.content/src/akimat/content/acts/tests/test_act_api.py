"""Acts over real HTTP: create, send on with @workflow, visa with @visas, the act's computed data,
and the refusals as 4xx (RULES.md R10)."""

from akimat.content.acts.tests.test_act import GROUPS
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.restapi.testing import RelativeSession
from zExceptions import Forbidden

import base64
import transaction
import unittest


PASSWORD = "secret-123"
TEXT_RU = {
    "data": "<p>Создать рабочую группу.</p>",
    "content-type": "text/html",
    "encoding": "utf-8",
}


class ActApiTestCase(unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        for group, users in GROUPS.items():
            api.group.create(groupname=group)
            for userid in users:
                if api.user.get(username=userid) is None:
                    api.user.create(
                        username=userid,
                        email=f"{userid}@example.org",
                        password=PASSWORD,
                    )
                api.group.add_user(groupname=group, username=userid)
        api.user.create(
            username="stranger", email="stranger@example.org", password=PASSWORD
        )
        api.group.grant_roles(
            groupname="odk", roles=["Control Officer"], obj=self.portal
        )
        api.group.grant_roles(groupname="akim", roles=["Leadership"], obj=self.portal)
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=self.portal, type="Folder", id="acts", title="Акты"
            )
        # The developer department adds acts here, and nowhere else.
        api.group.grant_roles(groupname="economy", roles=["Contributor"], obj=folder)
        transaction.commit()
        self.folder_url = folder.absolute_url()

    def session(self, user, password=PASSWORD):
        session = RelativeSession(self.portal.absolute_url(), test=self)
        session.headers.update({"Accept": "application/json"})
        session.auth = (user, password)
        return session

    def create(self, **fields):
        body = {
            "@type": "Act",
            "kind": "decision",
            "title": "О создании рабочей группы по подготовке к отопительному сезону",
            "text_ru": TEXT_RU,
            "developer_department": "economy",
        }
        body.update(fields)
        created = self.session("developer").post(self.folder_url, json=body)
        self.assertEqual(created.status_code, 201, created.text)
        return created.json()["@id"]

    def transition(self, url, transition, user, comment=""):
        return self.session(user).post(
            f"{url}/@workflow/{transition}", json={"comment": comment}
        )

    def visa(self, url, user, decision="agree", reason=None, **kwargs):
        body = {"decision": decision}
        if reason is not None:
            body["reason"] = reason
        return self.session(user).post(f"{url}/@visas", json=body, **kwargs)

    def state(self, url):
        return (
            self.session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
            .get(url)
            .json()["review_state"]
        )

    def in_agreement(self):
        url = self.create()
        self.assertEqual(self.transition(url, "submit", "developer").status_code, 200)
        approved = self.transition(url, "approve_legally", "lawyer")
        self.assertEqual(approved.status_code, 200, approved.text)
        return url


class TestActJourneyOverRest(ActApiTestCase):
    def test_created_by_the_developer_and_visaed_to_signing(self):
        """R10.3/R10.4a: legal review, the approvers in turn, the legal consultant last, then signing."""
        url = self.in_agreement()
        self.assertEqual(self.state(url), "agreement")
        agreement = self.session("deputy").get(f"{url}/@visas").json()
        self.assertEqual(
            [visa["approver"] for visa in agreement["pending"]], ["deputy", "head"]
        )
        self.assertTrue(agreement["awaiting_me"])
        self.assertFalse(
            self.session("lawyer").get(f"{url}/@visas").json()["awaiting_me"]
        )
        self.assertEqual(
            [
                (visa["approver"], visa["last"])
                for visa in agreement["rounds"][-1]["visas"]
            ],
            [("deputy", False), ("head", False), ("lawyer", True)],
        )

        deputy = self.visa(url, "deputy")
        self.assertEqual(deputy.status_code, 200, deputy.text)
        given = deputy.json()["rounds"][-1]["visas"][0]
        self.assertEqual((given["decision"], given["signed_by"]), ("agreed", "deputy"))
        self.assertTrue(given["when"].startswith("20"))
        self.assertEqual(self.visa(url, "head").status_code, 200)
        self.assertTrue(
            self.session("lawyer").get(f"{url}/@visas").json()["awaiting_me"]
        )
        lawyer = self.visa(url, "lawyer")
        self.assertEqual(lawyer.status_code, 200, lawyer.text)
        self.assertEqual(lawyer.json()["rounds"][-1]["state"], "agreed")
        self.assertEqual(lawyer.json()["pending"], [])
        self.assertEqual(self.state(url), "signing")

    def test_the_act_carries_its_computed_data(self):
        """R10.15/R10.16: state, number, missing attachments and terms in the act's JSON."""
        url = self.create(amends=True)
        data = self.session("developer").get(url).json()["act"]
        self.assertEqual(data["review_state"], "draft")
        self.assertIsNone(data["registration_number"])
        self.assertEqual(len(data["missing_attachments"]), 1)
        self.assertRegex(data["signing_deadline"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertIsNone(data["round_deadline"])
        self.assertEqual(data["late_approvers"], [])
        self.assertIsNone(data["rework_deadline"])

    def test_round_deadline_and_rework_deadline(self):
        """R10.13/R10.14: a round has a deadline; a return starts the rework term."""
        url = self.in_agreement()
        data = self.session("developer").get(url).json()["act"]
        self.assertRegex(data["round_deadline"], r"^\d{4}-\d{2}-\d{2}$")
        returned = self.visa(
            url, "deputy", "return", reason="Уточнить состав рабочей группы"
        )
        self.assertEqual(returned.status_code, 200, returned.text)
        data = self.session("developer").get(url).json()["act"]
        self.assertEqual(data["review_state"], "draft")
        self.assertRegex(data["rework_deadline"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertEqual(
            returned.json()["rounds"][-1]["visas"][0]["reason"],
            "Уточнить состав рабочей группы",
        )


class TestVisaRefusals(ActApiTestCase):
    def assertRefused(self, response, *words):
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        for word in words:
            self.assertIn(word, error["message"])

    def test_a_return_without_a_reason_is_a_400(self):
        """R10.4b: a return always gives its reasons."""
        url = self.in_agreement()
        self.assertRefused(self.visa(url, "deputy", "return"), "причину")
        self.assertRefused(self.visa(url, "deputy", "return", reason="   "), "причину")
        self.assertEqual(self.state(url), "agreement")

    def test_the_legal_consultant_before_the_others_is_a_400(self):
        """R10.3: the legal consultant visas last, after all the other approvers."""
        url = self.in_agreement()
        self.assertRefused(self.visa(url, "lawyer"), "lawyer", "последним")
        self.assertEqual(
            self.session("lawyer")
            .get(f"{url}/@visas")
            .json()["rounds"][-1]["visas"][2]["decision"],
            None,
        )

    def test_a_second_visa_is_a_400(self):
        url = self.in_agreement()
        self.assertEqual(self.visa(url, "deputy").status_code, 200)
        self.assertRefused(self.visa(url, "deputy"), "уже поставлена")
        self.assertRefused(
            self.visa(url, "deputy", "return", reason="Передумал"), "уже поставлена"
        )
        self.assertEqual(self.state(url), "agreement")

    def test_unknown_decision_and_malformed_json_are_400(self):
        """R10.4b: «agreed with remarks» does not exist."""
        url = self.in_agreement()
        self.assertRefused(
            self.visa(url, "deputy", "agree-with-remarks"), "agree", "return"
        )
        self.assertRefused(
            self.session("deputy").post(f"{url}/@visas", json={}), "agree", "return"
        )
        malformed = self.session("deputy").post(
            f"{url}/@visas",
            data="{not json",
            headers={"Content-Type": "application/json"},
        )
        self.assertRefused(malformed, "JSON")
        self.assertRefused(
            self.session("deputy").post(f"{url}/@visas", json=["agree"]), "JSON"
        )

    def test_a_stranger_may_neither_visa_nor_read(self):
        url = self.in_agreement()
        self.assertEqual(self.visa(url, "stranger").status_code, 401)
        self.assertEqual(self.session("stranger").get(f"{url}/@visas").status_code, 401)
        self.assertEqual(
            self.visa(url, "developer").status_code, 401
        )  # the developer does not visa

    def test_no_visa_before_the_legal_review(self):
        """R10.3: approvers visa only once the legal consultant has sent the draft for agreement."""
        url = self.create()
        self.transition(url, "submit", "developer")
        self.assertEqual(self.visa(url, "deputy").status_code, 401)


class TestWorkflowRefusals(ActApiTestCase):
    def test_submit_with_a_missing_attachment_is_a_400_naming_it(self):
        """R10.5: an act amending another cannot go on without the comparison table."""
        url = self.create(amends=True)
        refused = self.transition(url, "submit", "developer")
        self.assertEqual(refused.status_code, 400, refused.text)
        message = refused.json()["error"]["message"].lower()
        self.assertTrue(
            "comparison table" in message or "сравнительн" in message, message
        )
        self.assertEqual(self.state(url), "draft")
        attached = self.session("developer").patch(
            url,
            json={
                "comparison_table": {
                    "data": base64.b64encode(b"%PDF-1.4 table").decode(),
                    "encoding": "base64",
                    "filename": "table.pdf",
                    "content-type": "application/pdf",
                }
            },
        )
        self.assertEqual(attached.status_code, 204, attached.text)
        self.assertEqual(self.transition(url, "submit", "developer").status_code, 200)
        self.assertEqual(self.state(url), "legal_review")

    def test_a_registered_act_is_neither_edited_nor_deleted(self):
        """R10.17: not even the site owner edits or deletes a registered act."""
        url = self.in_agreement()
        for user in ("deputy", "head", "lawyer"):
            self.assertEqual(self.visa(url, user).status_code, 200)
        self.assertEqual(self.transition(url, "sign", "the-akim").status_code, 200)
        registered = self.transition(url, "register", "odk-officer")
        self.assertEqual(registered.status_code, 200, registered.text)
        data = self.session("developer").get(url).json()["act"]
        self.assertEqual(
            (data["review_state"], data["registration_number"]), ("registered", 1)
        )
        self.assertRegex(data["registration_date"], r"^\d{4}-\d{2}-\d{2}$")
        for user, password in (
            (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            ("developer", PASSWORD),
            ("odk-officer", PASSWORD),
        ):
            with self.subTest(user=user):
                session = self.session(user, password)
                self.assertIn(
                    session.patch(url, json={"title": "Иное"}).status_code, (401, 403)
                )
                self.assertIn(session.delete(url).status_code, (401, 403))
        self.assertNotEqual(self.session("developer").get(url).json()["title"], "Иное")


class TestRegisteredActFrozenForManagers(ActApiTestCase):
    def registered(self):
        url = self.in_agreement()
        for user in ("deputy", "head", "lawyer"):
            self.visa(url, user)
        self.transition(url, "sign", "the-akim")
        self.assertEqual(
            self.transition(url, "register", "odk-officer").status_code, 200
        )
        transaction.begin()
        return url, self.portal["acts"][url.rsplit("/", 1)[1]]

    def test_permissions_granted_again_in_the_zmi_change_nothing(self):
        """R10.17: a Manager who grants «Modify portal content» and «Delete objects» on a registered
        act again in the ZMI's Security tab still cannot edit, move, delete or add to it — over
        REST or in the ZMI — and the attempt is logged."""
        url, act = self.registered()
        for permission in (
            "Modify portal content",
            "Delete objects",
            "Copy or Move",
            "Add portal content",
        ):
            act.manage_permission(permission, ["Manager"], acquire=False)
        transaction.commit()
        owner = self.session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        with self.assertLogs(
            "akimat.content.agreement.freeze", level="WARNING"
        ) as logged:
            self.assertEqual(owner.patch(url, json={"title": "Иное"}).status_code, 403)
            self.assertEqual(owner.delete(url).status_code, 403)
            renamed = owner.post(f"{self.folder_url}/@move", json={"source": [url]})
            self.assertEqual(renamed.status_code, 403, renamed.text)
            added = owner.post(url, json={"@type": "File", "title": "Приложение"})
            self.assertEqual(added.status_code, 403, added.text)
        self.assertIn("registered", logged.output[0])
        transaction.begin()
        act = self.portal["acts"][url.rsplit("/", 1)[1]]
        self.assertNotEqual(act.title, "Иное")
        # the ZMI's Properties tab
        with api.env.adopt_roles(["Manager"]), self.assertRaises(Forbidden):
            act.manage_changeProperties(title="Иное")
        self.assertNotEqual(act.title, "Иное")


class TestSubstitutesOverRest(ActApiTestCase):
    def test_substitutes_are_rows_of_ids_both_ways(self):
        """R11.4: created with rows, read back as rows; the substitute visas for the deputy."""
        rows = [{"approver": "deputy", "substitute": "member1"}]
        url = self.create(substitutes=rows)
        read = self.session("developer").get(url).json()
        self.assertEqual(read["substitutes"], rows)
        self.assertEqual(self.transition(url, "submit", "developer").status_code, 200)
        self.assertEqual(
            self.transition(url, "approve_legally", "lawyer").status_code, 200
        )
        visa = self.visa(url, "member1")
        self.assertEqual(visa.status_code, 200, visa.text)

    def test_rows_that_cannot_stand_together_are_a_400(self):
        """R11.4: nobody substitutes himself; each approver once; both cells required."""
        url = self.create()
        for rows in (
            [{"approver": "deputy", "substitute": "deputy"}],
            [
                {"approver": "deputy", "substitute": "member1"},
                {"approver": "deputy", "substitute": "member2"},
            ],
            [{"approver": "deputy"}],
            [{"approver": "deputy", "substitute": "nobody-at-all"}],
        ):
            patched = self.session("developer").patch(url, json={"substitutes": rows})
            self.assertEqual(patched.status_code, 400, (rows, patched.text))
        self.assertEqual(self.session("developer").get(url).json()["substitutes"], [])
