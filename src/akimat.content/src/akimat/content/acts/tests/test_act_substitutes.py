"""The substitutes of absent approvers: a table of rows, each person chosen by name (R11.4)."""

from akimat.content import _
from akimat.content.acts.tests.test_act import ActTestCase
from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.tests.views import ViewTests
from plone import api
from plone.i18n.utility import setLanguageBinding
from zope.i18n import translate
from zope.i18nmessageid import Message

import html as markup
import json
import re


ROWS = "form.widgets.substitutes"


def rows_form(rows):
    """The edit form's fields of the substitutes as the page posts them: rows of ids."""
    form = {f"{ROWS}.count": str(len(rows))}
    for index, (approver, substitute) in enumerate(rows):
        form[f"{ROWS}.{index}-empty-marker"] = "1"
        form[f"{ROWS}.{index}.widgets.approver"] = approver
        form[f"{ROWS}.{index}.widgets.substitute"] = substitute
    return form


def picker_options(html, input_id):
    """The options of the picker by name (pat-select2) of the input `input_id`."""
    found = re.search(
        rf'<input[^>]*id="{input_id}"[^>]*data-pat-select2="([^"]*)"', html
    )
    return json.loads(markup.unescape(found.group(1)))


def substitutes_field(html):
    """The part of the edit form that is the field of the substitutes, with its errors."""
    start = html.index('id="formfield-form-widgets-substitutes"')
    return html[start : html.index('id="formfield-form-widgets-distribution"', start)]


class SubstitutesTestCase(ViewTests, ActTestCase):
    def setUp(self):
        super().setUp()
        for userid, fullname in (
            ("deputy", "Омарова Айгуль"),
            ("head", "Кожахметов Ерлан"),
            ("substitute", "Ибраимов Нурлан"),
        ):
            if api.user.get(username=userid) is None:
                api.user.create(
                    username=userid, email=f"{userid}@example.org", password="x-1234567"
                )
            api.user.get(username=userid).setMemberProperties({"fullname": fullname})

    def edit(self, act, rows, language="ru"):
        self.request.environ["HTTP_ACCEPT_LANGUAGE"] = language
        setLanguageBinding(self.request)  # as Plone negotiates it for each request
        return self.render(
            act,
            "@@edit",
            "developer",
            method="POST",
            **{
                "form.widgets.kind": "decision",
                "form.widgets.title": act.title,
                "form.widgets.developer_department": "economy",
                "form.widgets.urgency": act.urgency,
                "form.widgets.text_ru": act.text_ru.raw,
                "form.widgets.text_ru.mimeType": "text/html",
                "form.buttons.save": "Save",
                **rows_form(rows),
            },
        )


class TestSubstitutesForm(SubstitutesTestCase):
    def test_form_saves_rows_chosen_by_id_and_the_act_shows_them_by_name(self):
        """R11.4: the developer names a substitute for an approver; the act names both."""
        act = self.act()
        self.edit(act, [("deputy", "substitute")])
        self.assertEqual(
            act.substitutes, [{"approver": "deputy", "substitute": "substitute"}]
        )
        self.assertEqual(act.substitute_map(), {"deputy": "substitute"})
        html = self.render(act, "@@view", "developer")
        self.assertIn('id="substitutes"', html)
        self.assertIn("Омарова Айгуль → Ибраимов Нурлан", html)

    def test_edit_form_offers_the_picker_by_name_in_each_cell(self):
        act = self.act(substitutes=[{"approver": "deputy", "substitute": "substitute"}])
        html = self.render(act, "@@edit", "developer")
        picker = picker_options(html, "form-widgets-substitutes-0-widgets-substitute")
        self.assertIn("name=akimat.vocabularies.Principals", picker["vocabularyUrl"])
        self.assertEqual(picker["maximumSelectionSize"], 1)
        self.assertEqual(  # the chosen person, by name
            picker["initialValues"], {"substitute": "Ибраимов Нурлан"}
        )

    def search(self, path, query):
        """What the picker in a row at `path` (an act, ++add++Act) finds for `query`."""
        self.request.form.update(
            name="akimat.vocabularies.Principals", field="substitute", query=query
        )
        with api.env.adopt_user(username="developer"):
            answer = self.portal.restrictedTraverse(f"{path}/@@getVocabulary")()
        return [item["id"] for item in json.loads(answer)["results"]]

    def test_the_picker_in_a_row_searches_people_by_name(self):
        self.assertEqual(self.search(self.act().getId(), "ибраим"), ["substitute"])

    def test_the_add_form_has_the_table_and_its_pickers_search(self):
        html = self.render(self.portal, "++add++Act", "developer")
        self.assertIn('name="form.widgets.substitutes.count"', html)
        self.assertEqual(self.search("++add++Act", "омарова"), ["deputy"])

    def assertRefusedAtTheField(self, rows, language, message):
        """The rows are not saved; the field of the substitutes shows `message` in `language`."""
        act = self.act(substitutes=[{"approver": "head", "substitute": "substitute"}])
        field = substitutes_field(self.edit(act, rows, language=language))
        self.assertEqual(  # nothing saved
            act.substitutes, [{"approver": "head", "substitute": "substitute"}]
        )
        for text in (_("Substitutes of absent approvers"), message):  # in that language
            self.assertIn(translate(text, target_language=language), field)

    def test_a_substitute_is_another_person_than_his_approver(self):
        """R11.4: nobody substitutes himself; the error is at the field, in Kazakh for kk."""
        self.assertRefusedAtTheField(
            [("deputy", "deputy")],
            "kk",
            _(
                "The substitute must be another person than the approver: ${name}.",
                mapping={"name": "Омарова Айгуль"},
            ),
        )

    def test_an_approver_is_named_in_one_row(self):
        """R11.4: one substitute per approver."""
        self.assertRefusedAtTheField(
            [("deputy", "substitute"), ("deputy", "head")],
            "ru",
            _(
                "Each approver is named in one row only: ${name}.",
                mapping={"name": "Омарова Айгуль"},
            ),
        )

    def test_both_cells_of_a_row_are_required(self):
        self.assertRefusedAtTheField(
            [("deputy", "")], "ru", Message("Required input is missing.", domain="zope")
        )


class TestVisaBySubstitute(SubstitutesTestCase):
    def test_the_substitute_visas_for_the_absent_approver(self):
        """R11.4: an absent deputy is replaced by his substitute, named in the form's table."""
        act = self.act()
        self.edit(act, [("deputy", "substitute")])
        self.do(act, "submit", "developer")
        self.do(act, "approve_legally", "lawyer")
        (deputy,) = [v for v in visas.pending(act) if v.approver == "deputy"]
        self.assertEqual(deputy.substitute, "substitute")
        with api.env.adopt_user(username="substitute"):
            give_visa(act, "substitute", agree=True)
        (visa,) = [v for v in visas.rounds(act)[-1].visas if v.approver == "deputy"]
        self.assertEqual(visa.signed_by, "substitute")
        self.assertTrue(visa.by_substitute)
