"""Named vocabularies of appeals (akimat.vocabularies.*)."""

from akimat.content import _
from akimat.content.core.vocabularies import vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


# Appeals (R13.5): every kind is registered; none may be refused.
APPEAL_KINDS = vocabulary(
    ("appeal", _("Appeal (обращение)")),
    ("message", _("Message (сообщение)")),
    ("request", _("Request (запрос)")),
    ("response", _("Response (отклик)")),
    ("proposal", _("Proposal (предложение)")),
    ("complaint", _("Complaint (жалоба)")),
)

APPEAL_CHANNELS = vocabulary(
    ("e-appeals", _("E-appeals system (E-обращения)")),
    ("letter", _("Letter")),
    ("email", _("E-mail")),
    ("website", _("Website form")),
    ("whatsapp", _("WhatsApp")),
    ("reception", _("Orally at a reception")),
    ("phone", _("Phone")),
)

# R13.7: what art. 63 of the Administrative Procedural Code asks of an appeal.
APPEAL_REQUIREMENTS = vocabulary(
    ("name", _("The applicant's name")),
    ("contact", _("The applicant's address or contact")),
    ("substance", _("The substance of the appeal")),
    ("signature", _("The applicant's signature")),
)


@provider(IVocabularyFactory)
def appeal_kinds(context):
    return APPEAL_KINDS


@provider(IVocabularyFactory)
def appeal_channels(context):
    return APPEAL_CHANNELS


@provider(IVocabularyFactory)
def appeal_requirements(context):
    return APPEAL_REQUIREMENTS
