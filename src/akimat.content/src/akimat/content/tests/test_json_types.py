"""The JSON types a Dexterity field takes over REST: what plone.restapi's deserializers would meet
with a 500 is refused, naming the field; what they handle themselves is left to them."""

from akimat.content.deserializers.json_types import refusal
from plone.app.textfield import RichText
from plone.namedfile.field import NamedBlobFile
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema

import unittest


CHOICE = schema.Choice(values=("decision", "order"))
FIELDS = {
    "kind": CHOICE,
    "start": schema.Datetime(),
    "deadline": schema.Date(),
    "text_ru": RichText(),
    "budget_conclusion": NamedBlobFile(),
    "basis": RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
    "related": RelationList(
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog")
    ),
    "approvers": schema.List(value_type=schema.Choice(values=("a", "b"))),
    "query": schema.List(
        value_type=schema.Dict(key_type=schema.TextLine(), value_type=schema.Field())
    ),
    "title": schema.TextLine(),
}


class TestJsonTypes(unittest.TestCase):
    def assertRefused(self, name, value):
        message = refusal(FIELDS[name], value, name)
        self.assertIsNotNone(message, f"{name}={value!r}")
        self.assertEqual(message.mapping["field"], name)

    def assertLeftToPloneRestapi(self, name, value):
        self.assertIsNone(refusal(FIELDS[name], value, name), f"{name}={value!r}")

    def test_wrong_json_types_are_refused_naming_the_field(self):
        for name, value in (
            ("kind", []),
            ("kind", {"a": 1}),
            ("kind", {"token": []}),
            ("start", 123),
            ("start", "99999999999999999999"),
            ("start", "2026-02-30"),
            ("deadline", 123),
            ("text_ru", 123),
            ("text_ru", []),
            ("text_ru", {"data": 1}),
            ("text_ru", {"encoding": "nonsense"}),
            ("budget_conclusion", 123),
            ("budget_conclusion", "text"),
            ("budget_conclusion", {"data": []}),
            ("basis", {}),
            ("basis", {"@id": {}}),
            ("basis", []),
            ("basis", True),
            ("related", [{}]),
            ("approvers", [[1]]),
            ("approvers", {"a": 1}),
            ("query", 123),
            ("query", [{"token": []}]),
            ("query", {"token": []}),
        ):
            with self.subTest(name=name, value=value):
                self.assertRefused(name, value)

    def test_values_plone_restapi_handles_are_left_to_it(self):
        for name, value in (
            ("kind", "decision"),
            ("kind", "nonsense"),
            ("kind", {"token": "order"}),
            ("kind", 1),
            ("start", "2026-12-08T10:00:00+05:00"),
            ("deadline", "2026-02-30"),
            ("text_ru", "<p>Текст</p>"),
            ("text_ru", {"data": "<p>Текст</p>", "content-type": "text/html"}),
            (
                "budget_conclusion",
                {"data": "UERG", "encoding": "base64", "filename": "a.pdf"},
            ),
            ("basis", "/acts/draft"),
            ("basis", {"@id": "http://site/acts/draft"}),
            ("basis", 12),
            ("related", ["/acts/draft"]),
            ("approvers", ["a", "z"]),
            ("approvers", "a"),
            ("query", [{"i": "portal_type", "o": "is", "v": ["Report"]}]),
            ("title", 123),
            ("title", []),  # zope.schema answers a wrong type with a ValidationError
        ):
            with self.subTest(name=name, value=value):
                self.assertLeftToPloneRestapi(name, value)
