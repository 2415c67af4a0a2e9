"""Named vocabularies every domain shares (akimat.vocabularies.*), and the helpers of all."""

from akimat.content import _
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.interfaces import IMeetingSettings
from plone import api
from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def title_of(vocabulary, value):
    """The title (a message) of a value of one of our vocabularies; the value itself when unknown."""
    return vocabulary.getTerm(value).title if value in vocabulary else value or ""


def vocabulary(*terms):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in terms])


LANGUAGES = vocabulary(("kk", _("Kazakh")), ("ru", _("Russian")))

# R9.3: restricted documents stay out of the electronic document flow.
RESTRICTION_MARKS = vocabulary(
    ("none", _("Not restricted")),
    ("dsp", _("For official use only (ДСП)")),
    ("secret", _("State secrets")),
)


@provider(IVocabularyFactory)
def languages(context):
    return LANGUAGES


@provider(IVocabularyFactory)
def restriction_marks(context):
    return RESTRICTION_MARKS


def meeting_settings(context):
    """The meeting settings of the site; through acquisition (the catalog indexes without a site)."""
    registry = getToolByName(
        context if context is not None else getSite(), "portal_registry", None
    )
    return (
        registry.forInterface(IMeetingSettings, check=False)
        if registry is not None
        else None
    )


@provider(IVocabularyFactory)
def departments(context):
    """The departments: the groups that have a group of their head and deputy head (HEADS_SUFFIX)."""
    groups = {
        group.getId(): group.getProperty("title") or group.getId()
        for group in api.group.get_groups()
    }
    return SimpleVocabulary(
        [
            SimpleTerm(value=group_id, token=group_id, title=title)
            for group_id, title in sorted(groups.items(), key=lambda item: item[1])
            if f"{group_id}{HEADS_SUFFIX}" in groups
        ]
    )
