"""The picker of people and departments (akimat.vocabularies.Principals) on the demo organisation:
names and posts instead of ids, search as one types, and the forms saving the chosen ids (issue 15)."""

from akimat.content.core.principals_vocabulary import matches
from akimat.content.core.principals_vocabulary import NAME
from akimat.content.tests.views import render
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import html
import json
import re
import unittest


def picker_options(page, field):
    """The options of the picker (pat-select2) of a field on a rendered form."""
    found = re.search(
        rf'name="form.widgets.{field}"[^>]*data-pat-select2="([^"]*)"', page
    ) or re.search(rf'data-pat-select2="([^"]*)"[^>]*name="form.widgets.{field}"', page)
    return json.loads(html.unescape(found.group(1)))


ECONOMY = "Отдел экономики и бюджетного планирования"
APPEALS = "Отдел по работе с обращениями граждан"


class TestPrincipalsVocabulary(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]

    def vocabulary(self):
        return getUtility(IVocabularyFactory, NAME)(self.portal)

    def values(self, query):
        return [term.value for term in self.vocabulary().search(query)]

    def test_a_person_reads_name_post_and_department_a_department_its_name(self):
        vocabulary = self.vocabulary()
        self.assertEqual(
            vocabulary.getTerm("kim").title, f"Ким Виктория Александровна — {APPEALS}"
        )
        head = vocabulary.getTerm("yessenova").title
        self.assertTrue(head.startswith("Есенова Мадина Талгатовна — "), head)
        self.assertIn(ECONOMY, head)
        self.assertNotIn("yessenova", head)
        self.assertEqual(vocabulary.getTerm("economy").title, ECONOMY)
        self.assertEqual(vocabulary.getTermByToken("economy").value, "economy")

    def test_plone_groups_and_unknown_ids_are_no_choice(self):
        vocabulary = self.vocabulary()
        for value in ("Administrators", "AuthenticatedUsers", "nobody", None):
            self.assertNotIn(value, vocabulary)
        with self.assertRaises(LookupError):
            vocabulary.getTerm("nobody")
        self.assertNotIn("Administrators", [term.value for term in vocabulary])

    def test_departments_come_first_then_people_each_by_name(self):
        values = [term.value for term in self.vocabulary()]
        self.assertLess(values.index("economy"), values.index("abenov"))
        self.assertLess(values.index("abenov"), values.index("yessenova"))
        self.assertEqual(len(values), len(set(values)))

    def test_search_by_any_part_of_name_post_or_department_in_any_case(self):
        self.assertEqual(self.values("ВИКТОРИЯ ким"), ["kim"])
        self.assertEqual(self.values("александровна")[0:1], ["kim"])
        found = self.values("эконом")
        self.assertIn("economy", found)
        self.assertIn("tursynbayev", found)  # by his department
        self.assertIn("yessenova", found)
        self.assertNotIn("kim", found)
        self.assertEqual(
            set(self.values("обращениями граждан")) - {"appeals-heads"},
            {"appeals", "kim", "satybaldieva"},
        )
        self.assertEqual(self.values("ничего такого"), [])

    def test_search_knows_kazakh_letters_in_any_case(self):
        api.user.create(
            username="kasymov",
            email="kasymov@baidibek.example",
            password="a-long-secret-password",
            properties={"fullname": "Қасымов Әлихан Ұланұлы"},
        )
        api.group.add_user(groupname="economy", username="kasymov")
        self.assertEqual(self.values("ӘЛИХАН"), ["kasymov"])
        self.assertEqual(self.values("қасым ұлан"), ["kasymov"])
        self.assertTrue(matches("ғылым ІС", "Ғылыми іс-шара"))
        self.assertTrue(matches("Ңөүһ", "ҢӨҮҺ"))
        self.assertTrue(matches("Семенов", "Семёнов Пётр"))


class TestAppealAssignmentByName(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        with api.env.adopt_user(username="kim"):
            self.appeal = api.content.find(
                portal_type="Appeal", review_state="in_review"
            )[0].getObject()

    def assign(self, executors):
        return render(
            self.request,
            self.appeal,
            "@@assign",
            "kim",
            "POST",
            **{
                "form.widgets.executors": executors,
                "form.buttons.assign": "Assign",
            },
        )

    def assignments(self):
        return [a for a in self.appeal.objectValues() if a.portal_type == "Assignment"]

    def test_the_form_offers_a_picker_of_names_not_a_field_for_logins(self):
        page = render(self.request, self.appeal, "@@assign", "kim")
        options = picker_options(page, "executors")
        self.assertIn(
            f"@@getVocabulary?name={NAME}&field=executors", options["vocabularyUrl"]
        )
        self.assertEqual(options["allowNewItems"], "false")
        self.assertNotIn("logins", page)

    def test_the_edit_form_shows_a_saved_choice_by_name(self):
        self.appeal.addressee = "kim"
        page = render(self.request, self.appeal, "@@edit", "kim")
        options = picker_options(page, "addressee")
        self.assertEqual(
            options["initialValues"],
            {"kim": f"Ким Виктория Александровна — {APPEALS}"},
        )

    def test_a_department_chosen_by_name_is_saved_as_its_id(self):
        """R13.8: the picker sends the ids of what was chosen; the first one leads."""
        before = len(self.assignments())
        self.assign("economy;tursynbayev")
        assignments = self.assignments()
        self.assertEqual(len(assignments), before + 1)
        self.assertEqual(
            (assignments[-1].lead_executor, assignments[-1].co_executors),
            ("economy", ["tursynbayev"]),
        )

    def test_a_name_typed_instead_of_chosen_stays_and_the_field_says_so(self):
        before = len(self.assignments())
        page = self.assign(ECONOMY)
        self.assertEqual(len(self.assignments()), before)
        self.assertIn(f'value="{ECONOMY}"', page)  # what the person typed stays
        field = page.split('id="formfield-form-widgets-executors"')[1]
        field = field.split('id="formfield-')[0]  # up to the next field
        self.assertIn("Нет среди отделов и сотрудников", field)
