"""Named vocabularies of acts (akimat.vocabularies.*)."""

from akimat.content import _
from akimat.content.core.vocabularies import vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


# Kinds of acts (R10): who signs them and whether the akimat members agree them too.
ACT_KINDS = vocabulary(
    ("resolution", _("Resolution of the akimat (постановление)")),
    ("decision", _("Decision of the akim (решение)")),
    ("order", _("Order of the akim (распоряжение)")),
    ("apparatus-order", _("Order of the head of apparatus (приказ)")),
)

ACT_URGENCY = vocabulary(
    ("normal", _("Normal")),
    ("emergency", _("Emergency or humanitarian")),
)


@provider(IVocabularyFactory)
def act_kinds(context):
    return ACT_KINDS


@provider(IVocabularyFactory)
def act_urgency(context):
    return ACT_URGENCY
