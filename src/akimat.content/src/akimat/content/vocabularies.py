"""Named vocabularies of the domain (akimat.vocabularies.*), never lists copied into schemas."""

from akimat.content import _
from akimat.content.interfaces import IMeetingSettings
from akimat.content.principals import HEADS_SUFFIX
from plone import api
from plone.app.vocabularies.principals import GroupsFactory
from plone.app.vocabularies.principals import PrincipalsVocabulary
from plone.app.vocabularies.principals import UsersFactory
from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import hashlib


def title_of(vocabulary, value):
    """The title (a message) of a value of one of our vocabularies; the value itself when unknown."""
    return vocabulary.getTerm(value).title if value in vocabulary else value or ""


def _vocabulary(*terms):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in terms])


# Where an assignment comes from (R12.4a column 1). The Presidential Administration and the
# Government Office are the sources whose assignments are never extended (R12.7b).
SOURCE_KINDS = _vocabulary(
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

URGENCY_MARKS = _vocabulary(
    ("very-urgent", _("Very urgent (весьма срочно)")),
    ("urgent", _("Urgent (срочно)")),
    ("expedite", _("Expedite (ускорить)")),
)

REMOVAL_BASES = _vocabulary(
    ("executed", _("Executed in full")),
    ("impossible", _("Impossible for objective reasons")),
)

# Kinds of acts (R10): who signs them and whether the akimat members agree them too.
ACT_KINDS = _vocabulary(
    ("resolution", _("Resolution of the akimat (постановление)")),
    ("decision", _("Decision of the akim (решение)")),
    ("order", _("Order of the akim (распоряжение)")),
    ("apparatus-order", _("Order of the head of apparatus (приказ)")),
)

ACT_URGENCY = _vocabulary(
    ("normal", _("Normal")),
    ("emergency", _("Emergency or humanitarian (R10.14)")),
)

CONTROL_CATEGORIES = _vocabulary(
    ("urgent", _("Urgent")),
    ("short-term", _("Short-term")),
    ("medium-term", _("Medium-term")),
    ("long-term", _("Long-term")),
)


# Kinds of meetings (R5); the same ids name the source of a protocol's assignments.
MEETING_KINDS = _vocabulary(
    ("akimat-session", _("Akimat session")),
    ("apparatus-meeting", _("Apparatus meeting")),
    ("operational-meeting", _("Operational meeting")),
    ("commission", _("Commission or coordination council session")),
    ("government-session", _("Meeting after a Government session")),
    ("field-meeting", _("Field meeting")),
)

MEETING_FORMATS = _vocabulary(
    ("in-person", _("In person")),
    ("video", _("Video conference")),
    ("mixed", _("Mixed")),
)

LANGUAGES = _vocabulary(("kk", _("Kazakh")), ("ru", _("Russian")))

# Materials of an agenda item (R5.6, R5.8, R5.15, R5.24).
MATERIAL_KINDS = _vocabulary(
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

# R9.3: restricted documents stay out of the electronic document flow.
RESTRICTION_MARKS = _vocabulary(
    ("none", _("Not restricted")),
    ("dsp", _("For official use only (ДСП)")),
    ("secret", _("State secrets")),
)

# Appeals (R13.5): every kind is registered; none may be refused.
APPEAL_KINDS = _vocabulary(
    ("appeal", _("Appeal (обращение)")),
    ("message", _("Message (сообщение)")),
    ("request", _("Request (запрос)")),
    ("response", _("Response (отклик)")),
    ("proposal", _("Proposal (предложение)")),
    ("complaint", _("Complaint (жалоба)")),
)

APPEAL_CHANNELS = _vocabulary(
    ("e-appeals", _("E-appeals system (E-обращения)")),
    ("letter", _("Letter")),
    ("email", _("E-mail")),
    ("website", _("Website form")),
    ("whatsapp", _("WhatsApp")),
    ("reception", _("Orally at a reception")),
    ("phone", _("Phone")),
)

# R13.7: what art. 63 of the Administrative Procedural Code asks of an appeal.
APPEAL_REQUIREMENTS = _vocabulary(
    ("name", _("The applicant's name")),
    ("contact", _("The applicant's address or contact")),
    ("substance", _("The substance of the appeal")),
    ("signature", _("The applicant's signature")),
)

PROTOCOL_FORMS = _vocabulary(("full", _("Full form")), ("short", _("Short form")))

# Reports of the document library (R9.10d): how often a department reports.
REPORT_PERIOD_KINDS = _vocabulary(
    ("month", _("Month")),
    ("quarter", _("Quarter")),
    ("half-year", _("Half-year")),
    ("year", _("Year")),
)


@provider(IVocabularyFactory)
def meeting_kinds(context):
    return MEETING_KINDS


@provider(IVocabularyFactory)
def meeting_formats(context):
    return MEETING_FORMATS


@provider(IVocabularyFactory)
def languages(context):
    return LANGUAGES


@provider(IVocabularyFactory)
def material_kinds(context):
    return MATERIAL_KINDS


@provider(IVocabularyFactory)
def restriction_marks(context):
    return RESTRICTION_MARKS


@provider(IVocabularyFactory)
def appeal_kinds(context):
    return APPEAL_KINDS


@provider(IVocabularyFactory)
def appeal_channels(context):
    return APPEAL_CHANNELS


@provider(IVocabularyFactory)
def appeal_requirements(context):
    return APPEAL_REQUIREMENTS


@provider(IVocabularyFactory)
def protocol_forms(context):
    return PROTOCOL_FORMS


@provider(IVocabularyFactory)
def halls(context):
    """The halls of the apparatus booked through the Orgotdel (R2.4), from the registry."""
    settings = meeting_settings(context)
    names = (settings.halls or []) if settings is not None else []
    return SimpleVocabulary([SimpleTerm(name, hashlib.sha1(name.encode()).hexdigest()[:12], name) for name in names])


def meeting_settings(context):
    """The meeting settings of the site; through acquisition (the catalog indexes without a site)."""
    registry = getToolByName(context if context is not None else getSite(), "portal_registry", None)
    return registry.forInterface(IMeetingSettings, check=False) if registry is not None else None


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
def act_kinds(context):
    return ACT_KINDS


@provider(IVocabularyFactory)
def act_urgency(context):
    return ACT_URGENCY


@provider(IVocabularyFactory)
def control_categories(context):
    return CONTROL_CATEGORIES


@provider(IVocabularyFactory)
def report_period_kinds(context):
    return REPORT_PERIOD_KINDS


@provider(IVocabularyFactory)
def departments(context):
    """The departments: the groups that have a group of their head and deputy head (HEADS_SUFFIX)."""
    groups = {group.getId(): group.getProperty("title") or group.getId() for group in api.group.get_groups()}
    return SimpleVocabulary([
        SimpleTerm(value=group_id, token=group_id, title=title)
        for group_id, title in sorted(groups.items(), key=lambda item: item[1])
        if f"{group_id}{HEADS_SUFFIX}" in groups
    ])


class _PlainPrincipalsVocabulary(PrincipalsVocabulary):
    """Users and groups by their plain ids (Plone keeps user and group ids distinct)."""

    def _get_principal_from_source(self, value=None, token=None, default=None):
        principal_id = value or token
        return (
            self._acl_users.getGroupById(principal_id)
            or self._acl_users.getUserById(principal_id)
            or default
        )


@implementer(IVocabularyFactory)
class PrincipalsFactory:
    """Executors and controllers: departments (groups) and people, as plain ids.

    plone.app.vocabularies.Principals prefixes values («user:…», «group:…»); our fields, local
    roles and catalog indexes use the ids themselves.
    """

    def __call__(self, context, query=""):
        terms = [*GroupsFactory()(context, query), *UsersFactory()(context, query)]
        vocabulary = _PlainPrincipalsVocabulary(terms)
        vocabulary.principal_source = "user"  # the unprefixed source: plain ids as values
        return vocabulary
