"""Named vocabularies of control (akimat.vocabularies.*)."""

from akimat.content import _
from akimat.content.core.vocabularies import vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


# Where an assignment comes from (R12.4a column 1). The Presidential Administration and the
# Government Office are the sources whose assignments are never extended (R12.7b).
SOURCE_KINDS = vocabulary(
    ("akimat-session", _("Protocol of an akimat session")),
    ("apparatus-meeting", _("Protocol of an apparatus meeting")),
    ("operational-meeting", _("Protocol of an operational meeting")),
    ("commission", _("Protocol of a commission or coordination council")),
    ("government-session", _("Protocol of a meeting after a Government session")),
    ("field-meeting", _("Protocol of a field meeting")),
    ("act", _("Act of the akimat or the akim")),
    ("state-body-letter", _("Letter of a state body")),
    ("president", _("Act or assignment of the President")),
    ("presidential-administration", _("Assignment of the Presidential Administration")),
    ("government", _("Assignment of the Government or the Prime Minister")),
    ("akim-resolution", _("Resolution of the akim")),
    ("reception", _("Personal reception")),
    ("appeal", _("Appeal of a citizen or an organisation")),
)
NEVER_EXTENDED_SOURCES = frozenset({"presidential-administration", "government"})

URGENCY_MARKS = vocabulary(
    ("very-urgent", _("Very urgent (весьма срочно)")),
    ("urgent", _("Urgent (срочно)")),
    ("expedite", _("Expedite (ускорить)")),
)

REMOVAL_BASES = vocabulary(
    ("executed", _("Executed in full")),
    ("impossible", _("Impossible for objective reasons")),
)

CONTROL_CATEGORIES = vocabulary(
    ("urgent", _("Urgent")),
    ("short-term", _("Short-term")),
    ("medium-term", _("Medium-term")),
    ("long-term", _("Long-term")),
)


@provider(IVocabularyFactory)
def source_kinds(context):
    return SOURCE_KINDS


@provider(IVocabularyFactory)
def urgency_marks(context):
    return URGENCY_MARKS


@provider(IVocabularyFactory)
def removal_bases(context):
    return REMOVAL_BASES


@provider(IVocabularyFactory)
def control_categories(context):
    return CONTROL_CATEGORIES
