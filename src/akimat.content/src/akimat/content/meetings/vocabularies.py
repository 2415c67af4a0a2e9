"""Named vocabularies of meetings (akimat.vocabularies.*)."""

from akimat.content import _
from akimat.content.core.vocabularies import meeting_settings
from akimat.content.core.vocabularies import vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import hashlib


# Kinds of meetings (R5); the same ids name the source of a protocol's assignments.
MEETING_KINDS = vocabulary(
    ("akimat-session", _("Akimat session")),
    ("apparatus-meeting", _("Apparatus meeting")),
    ("operational-meeting", _("Operational meeting")),
    ("commission", _("Commission or coordination council session")),
    ("government-session", _("Meeting after a Government session")),
    ("field-meeting", _("Field meeting")),
)

MEETING_FORMATS = vocabulary(
    ("in-person", _("In person")),
    ("video", _("Video conference")),
    ("mixed", _("Mixed")),
)

# Materials of an agenda item (R5.6, R5.8, R5.15, R5.24).
MATERIAL_KINDS = vocabulary(
    ("certificate", _("Information note (справка)")),
    ("draft-resolution", _("Draft resolution")),
    ("draft-decision", _("Draft protocol decision")),
    ("report", _("Report")),
    ("presentation", _("Presentation (slides)")),
    ("comparison-table", _("Comparison table")),
    ("participants", _("List of participants")),
    ("speech", _("Draft speech")),
    ("order-of-proceedings", _("Order of proceedings")),
    ("other", _("Other")),
)

PROTOCOL_FORMS = vocabulary(("full", _("Full form")), ("short", _("Short form")))


@provider(IVocabularyFactory)
def meeting_kinds(context):
    return MEETING_KINDS


@provider(IVocabularyFactory)
def meeting_formats(context):
    return MEETING_FORMATS


@provider(IVocabularyFactory)
def material_kinds(context):
    return MATERIAL_KINDS


@provider(IVocabularyFactory)
def protocol_forms(context):
    return PROTOCOL_FORMS


@provider(IVocabularyFactory)
def halls(context):
    """The halls of the apparatus booked through the Orgotdel (R2.4), from the registry."""
    settings = meeting_settings(context)
    names = (settings.halls or []) if settings is not None else []
    return SimpleVocabulary(
        [
            SimpleTerm(name, hashlib.sha1(name.encode()).hexdigest()[:12], name)
            for name in names
        ]
    )
