"""Appeals submitted on a form: the public appeal form of the website, and the same form the
appeals department fills in for a paper letter or a phone call (RULES.md R13.5, R13.6, R13.10).

The form itself (fields, validators, rate limit, placement) is the site's (akimat.policy); what
becomes of a submission is the domain's.
"""

from akimat.content import _
from akimat.content.appeals.appeal import ORAL_CHANNELS
from akimat.content.appeals.appeal import ORAL_RECORD_MISSING
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core import identification
from akimat.content.core.errors import Refusal
from BTrees.OOBTree import OOBTree
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations


APPEALS = "appeals"  # the confidential section (akimat.policy's sections)
CHANNEL = "website"
# How the applicant agreed to the processing of personal data: ticked on the website's form, or
# given on paper (a letter, a form signed at the reception) when the department registers it.
CONSENT_ON_FORM = "form"
CONSENT_ON_PAPER = "paper"


def staff_problems(data):
    """What the appeals department must still fill in on an appeal it registers, as messages:
    a paper letter may be answered by post; an oral appeal has its record (R13.10); it was
    received from 2000 up to now (R13.6). The public form and the staff form both ask this."""
    problems = []
    if not (data.get("phone") or data.get("email") or data.get("address")):
        problems.append(
            _(
                "Give a phone number, an e-mail address or a postal address for the answer."
            )
        )
    if (
        data.get("channel") in ORAL_CHANNELS
        and not (data.get("oral_record") or "").strip()
    ):
        problems.append(ORAL_RECORD_MISSING)
    try:
        if data.get("received_at"):
            bounds.check_receipt(data["received_at"])
    except bounds.OutOfRange as error:
        problems.append(error.args[0])
    return problems


class RegistrationRefused(Refusal):
    """What the department must still fill in; args[0] says what, for the person."""


def register_by_staff(fields, submission=None):
    """An appeal the department registers on its form or through REST (R13.5, R13.6, R13.10):
    checked as on the public form, the applicant's consent recorded as given on paper.

    `submission` names one filling-in of the form: sent twice (a double click), it registers
    once and gives the appeal registered the first time."""
    registered = _submissions()
    if submission and submission in registered:
        found = api.content.get(UID=registered[submission])
        if found is not None:
            return found
    problems = staff_problems(fields)
    if problems:
        raise RegistrationRefused(problems[0])
    appeal = register(fields, consent=CONSENT_ON_PAPER)
    if submission:
        registered[submission] = appeal.UID()
    return appeal


SUBMISSIONS_KEY = "akimat.content.appeals.staff_submissions"


def _submissions():
    """{submission id: appeal UID} of the staff form, kept on the confidential section."""
    annotations = IAnnotations(api.portal.get()[APPEALS])
    if SUBMISSIONS_KEY not in annotations:
        annotations[SUBMISSIONS_KEY] = OOBTree()
    return annotations[SUBMISSIONS_KEY]


def register(fields, consent=CONSENT_ON_FORM):
    """A registered Appeal of the `fields` of a form's submission.

    Registered at once (R13.6), in the confidential section, whoever submits: the form is the
    public's door. Without a channel, the appeal came through the website. The number comes
    from the numbering service, the same sequence whichever form registers."""
    with api.env.adopt_roles(["Manager"]):
        appeal = api.content.create(
            container=api.portal.get()[APPEALS],
            type="Appeal",
            kind=fields["kind"],
            title=fields["subject"],
            substance=fields["substance"],
            channel=fields.get("channel") or CHANNEL,
            received_at=_received_at(fields.get("received_at")),
            applicant_name=fields["applicant_name"],
            applicant_id=identification.validate(fields["applicant_id"])
            if fields.get("applicant_id")
            else None,
            address=fields.get("address"),
            phone=fields.get("phone"),
            email=fields.get("email"),
            attachment=_blob(fields.get("attachment")),
            oral_record=fields.get("oral_record"),
        )
        appeal.personal_data_consent = consent
        api.content.transition(obj=appeal, transition="register")
    return appeal


def _blob(value):
    if not value:
        return None
    return NamedBlobFile(
        data=value.data, contentType=value.contentType, filename=value.filename
    )


def _received_at(moment):
    """Naive Almaty wall-clock time, now when not given: the ZODB cannot pickle ZoneInfo."""
    return working_calendar.to_almaty(moment or working_calendar.now()).replace(
        tzinfo=None
    )
