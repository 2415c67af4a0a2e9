"""The JSON types a Dexterity field takes over REST, checked before plone.restapi deserializes.

plone.restapi's field deserializers meet a value of another JSON type with a TypeError, KeyError
or AttributeError deep inside — a list for a Choice, a number for a date or a rich text, an object
without «@id» for a relation, a number for a file — and each was a 500. `refusal` says instead,
naming the field, what the field takes; values of the right JSON type are left to plone.restapi
and zope.schema, which refuse a wrong one with a ValidationError (400) themselves.
"""

from akimat.content import _
from plone.app.textfield.interfaces import IRichText
from plone.namedfile.interfaces import INamedField
from z3c.relationfield.interfaces import IRelationChoice
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDict
from zope.schema.interfaces import IField
from zope.schema.interfaces import IObject
from zope.schema.interfaces import ITime

import dateutil.parser


SCALARS = (str, int, float, bool)
RICH_TEXT_KEYS = ("data", "content-type", "encoding")
FILE_KEYS = ("data", "content-type", "encoding", "filename")


def refusal(field, value, name):
    """Why `value` (not null) cannot be given to `field` named `name`, or None when it can."""
    mapping = {"field": name}
    if IRichText.providedBy(field):
        if not (isinstance(value, str) or _object_of_texts(value, RICH_TEXT_KEYS)):
            return _(
                "«${field}» must be a text, or an object with the text in «data».",
                mapping=mapping,
            )
    elif INamedField.providedBy(field):
        if not _object_of_texts(value, FILE_KEYS):
            return _(
                "«${field}» must be an object with the file in «data» and, as texts, its «encoding» "
                "(e.g. base64), «filename» and «content-type».",
                mapping=mapping,
            )
    elif IRelationChoice.providedBy(field):
        reference = value.get("@id") if isinstance(value, dict) else value
        if not isinstance(reference, (str, int)) or isinstance(reference, bool):
            return _(
                "«${field}» must be the path, URL or UID of an item, or an object with its «@id».",
                mapping=mapping,
            )
    elif IChoice.providedBy(field):
        token = value.get("token") if isinstance(value, dict) else value
        if not isinstance(token, SCALARS):
            return _(
                "«${field}» must be one value of its list, not a list or an object.",
                mapping=mapping,
            )
    elif IDatetime.providedBy(field) or ITime.providedBy(field):
        if not (isinstance(value, str) and _parses_as_date(value)):
            return _(
                "«${field}» must be a date and time, e.g. 2026-12-08T10:00:00+05:00.",
                mapping=mapping,
            )
    elif IDate.providedBy(field):
        if not isinstance(value, str):
            return _("«${field}» must be a date, e.g. 2026-12-08.", mapping=mapping)
    elif ICollection.providedBy(field) and IField.providedBy(field.value_type):
        # plone.restapi takes one value for a list of one, and the token of an item that has one
        items = value if isinstance(value, list) else [value]
        items = (
            item["token"] if isinstance(item, dict) and "token" in item else item
            for item in items
        )
        return _first(
            refusal(field.value_type, item, name) for item in items if item is not None
        )
    elif IObject.providedBy(field):
        # a row of a table (the substitutes' approver and substitute): an object of its fields
        if not isinstance(value, dict):
            return _("«${field}» must be an object.", mapping=mapping)
        return _first(
            refusal(cell, value[cell_name], name)
            for cell_name, cell in getFields(field.schema).items()
            if value.get(cell_name) is not None
        )
    elif IDict.providedBy(field):
        if not isinstance(value, dict):
            return _("«${field}» must be an object.", mapping=mapping)
        if IField.providedBy(field.value_type):
            return _first(
                refusal(field.value_type, item, name)
                for item in value.values()
                if item is not None
            )
    return None


def _object_of_texts(value, keys):
    """An object whose given `keys` are texts, with a known encoding."""
    return (
        isinstance(value, dict)
        and all(isinstance(value[key], str) for key in keys if key in value)
        and _known_encoding(value.get("encoding", "utf-8"))
    )


def _known_encoding(name):
    if name == "base64":
        return True
    try:
        "".encode(name)  # only text encodings: plone.restapi decodes the data with it
    except LookupError:
        return False
    return True


def _parses_as_date(value):
    # The parser plone.restapi uses; a number too large for a year overflows instead of a ValueError.
    try:
        dateutil.parser.parse(value)
    except (ValueError, OverflowError):
        return False
    return True


def _first(refusals):
    return next((message for message in refusals if message is not None), None)
