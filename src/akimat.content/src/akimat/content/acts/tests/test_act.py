"""Acts from draft to registration: attachments, visas, returns, signature, numbers (RULES.md R10)."""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from OFS.CopySupport import CopyError
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.WorkflowCore import WorkflowException

import unittest


GROUPS = {
    "deputy-akims": ["deputy"],
    "head-of-apparatus": ["head"],
    "legal-consultant": ["lawyer"],
    "akim": ["the-akim"],
    "akimat-members": ["member1", "member2"],
    "economy": ["developer"],
    "odk": ["odk-officer"],
}


class ActTestCase(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        for group, users in GROUPS.items():
            api.group.create(groupname=group)
            for userid in users:
                if api.user.get(username=userid) is None:
                    api.user.create(
                        username=userid,
                        email=f"{userid}@example.org",
                        password="secret-123",
                    )
                api.group.add_user(groupname=group, username=userid)
        api.group.grant_roles(
            groupname="odk", roles=["Control Officer"], obj=self.portal
        )
        api.group.grant_roles(groupname="akim", roles=["Leadership"], obj=self.portal)
        api.group.grant_roles(
            groupname="economy", roles=["Contributor"], obj=self.portal
        )

    def act(self, **fields):
        values = {
            "kind": "decision",
            "title": "О создании рабочей группы по подготовке к отопительному сезону",
            "text_ru": RichTextValue(
                "<p>Создать рабочую группу.</p>", "text/html", "text/x-html-safe"
            ),
            "developer_department": "economy",
        }
        values.update(fields)
        with api.env.adopt_user(username="developer"):
            return api.content.create(container=self.portal, type="Act", **values)

    def do(self, act, transition, userid, comment=""):
        with api.env.adopt_user(username=userid):
            api.portal.get_tool("portal_workflow").doActionFor(
                act, transition, comment=comment
            )

    def visa_all(self, act):
        for visa in list(visas.pending(act)):
            with api.env.adopt_user(username=visa.approver):
                give_visa(act, visa.approver, agree=True)
        for visa in list(visas.pending(act)):  # the legal consultant, last (R10.3)
            with api.env.adopt_user(username=visa.approver):
                give_visa(act, visa.approver, agree=True)

    def state(self, act):
        return api.content.get_state(act)


class TestActJourney(ActTestCase):
    def test_decision_from_draft_to_registered(self):
        """R10.3/R10.16: legal review, visas with the lawyer last, signature, a number."""
        act = self.act()
        self.do(act, "submit", "developer")
        self.assertEqual(self.state(act), "legal_review")
        self.do(act, "approve_legally", "lawyer")
        self.assertEqual(self.state(act), "agreement")
        self.assertEqual([v.approver for v in visas.pending(act)], ["deputy", "head"])
        self.assertTrue(visas.current_round(act).visa("lawyer").last)
        self.visa_all(act)
        self.assertEqual(self.state(act), "signing")
        self.do(act, "sign", "the-akim")
        self.do(act, "register", "odk-officer")
        self.assertEqual((self.state(act), act.registration_number), ("registered", 1))
        second = self.act(title="О втором решении")
        for transition, userid in (
            ("submit", "developer"),
            ("approve_legally", "lawyer"),
        ):
            self.do(second, transition, userid)
        self.visa_all(second)
        self.do(second, "sign", "the-akim")
        self.do(second, "register", "odk-officer")
        self.assertEqual(second.registration_number, 2)

    def test_resolution_goes_to_the_akimat_members(self):
        """R10.14: a resolution is agreed by the akimat members after the departments."""
        act = self.act(kind="resolution")
        self.do(act, "submit", "developer")
        self.do(act, "approve_legally", "lawyer")
        self.visa_all(act)
        self.assertEqual(self.state(act), "members_agreement")
        self.assertEqual(
            {v.approver for v in visas.pending(act)}, {"member1", "member2"}
        )
        self.visa_all(act)
        self.assertEqual(self.state(act), "signing")

    def test_missing_attachment_stops_the_draft(self):
        """R10.5: an act that amends another needs the comparison table before it goes on."""
        act = self.act(amends=True)
        with self.assertRaises(WorkflowException) as refused:
            self.do(act, "submit", "developer")
        self.assertIn("сравнительную таблицу", str(refused.exception))
        self.assertEqual(self.state(act), "draft")

    def test_return_by_an_approver_needs_a_reason_and_clears_the_round(self):
        """R10.4b/R10.13: a return with reasons sends the draft back and starts the rework term."""
        act = self.act()
        self.do(act, "submit", "developer")
        self.do(act, "approve_legally", "lawyer")
        with api.env.adopt_user(username="deputy"), self.assertRaises(visas.VisaError):
            give_visa(act, "deputy", agree=False, reason=" ")
        with api.env.adopt_user(username="deputy"):
            give_visa(
                act, "deputy", agree=False, reason="Уточнить состав рабочей группы"
            )
        self.assertEqual(self.state(act), "draft")
        self.assertIsNotNone(act.rework_deadline())
        self.assertEqual(visas.rounds(act)[-1].state, visas.RETURNED)

    def test_return_by_the_leadership_needs_a_reason(self):
        """R10.11/R10.12: the ОДК returns an incomplete draft, always with a reason."""
        act = self.act()
        self.do(act, "submit", "developer")
        with self.assertRaises(WorkflowException):
            self.do(act, "return", "odk-officer")
        self.do(act, "return", "odk-officer", comment="Нет подписи руководителя отдела")
        self.assertEqual(self.state(act), "draft")

    def test_normative_act_needs_both_languages(self):
        """R10.2: a normative act has its title and text in Kazakh and in Russian."""
        from akimat.content.acts.act import IAct
        from zope.interface import Invalid

        class Data:
            normative, title_kk, text_kk, file_kk, file_ru = (
                True,
                None,
                None,
                None,
                None,
            )
            text_ru = "<p>текст</p>"

        with self.assertRaises(Invalid):
            IAct.validateInvariants(Data())


class TestLanguagesOfAnOrdinaryAct(unittest.TestCase):
    def test_one_language_is_enough_none_is_not(self):
        """R10.1: a draft is prepared in Kazakh and/or Russian; without any text it is refused."""
        from akimat.content.acts.act import IAct
        from zope.interface import Invalid

        class Kazakh:
            normative, title_kk, text_kk, file_kk, text_ru, file_ru = (
                False,
                None,
                "<p>мәтін</p>",
                None,
                None,
                None,
            )

        class Empty(Kazakh):
            text_kk = None

        IAct.validateInvariants(Kazakh())
        with self.assertRaises(Invalid):
            IAct.validateInvariants(Empty())


class TestRegisteredActIsFrozen(ActTestCase):
    def test_nobody_edits_or_deletes_a_registered_act(self):
        """R10.17: a registered act is never edited or deleted, administrators included."""
        act = self.act()
        for transition, userid in (
            ("submit", "developer"),
            ("approve_legally", "lawyer"),
        ):
            self.do(act, transition, userid)
        self.visa_all(act)
        self.do(act, "sign", "the-akim")
        self.do(act, "register", "odk-officer")
        for userid in ("developer", "odk-officer", "the-akim"):
            with self.subTest(user=userid), api.env.adopt_user(username=userid):
                self.assertFalse(
                    api.user.has_permission("Modify portal content", obj=act)
                )
                self.assertFalse(api.user.has_permission("Delete objects", obj=act))
        self.assertFalse(
            api.user.has_permission("Modify portal content", obj=act)
        )  # Manager
        self.assertFalse(api.user.has_permission("Delete objects", obj=act))
        self.assertFalse(api.user.has_permission("Copy or Move", obj=act))
        with self.assertRaises(CopyError):
            self.portal.manage_renameObject(act.getId(), "renamed")
        self.assertIn(act.getId(), self.portal.objectIds())
