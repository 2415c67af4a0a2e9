"""Appeals submitted on a form: the public appeal form of the website, and the same form the
appeals department fills in for a paper letter or a phone call (RULES.md R13.5, R13.6, R13.10).

The form itself (fields, validators, rate limit, placement) is the site's (akimat.policy); what
becomes of a submission is the domain's.
"""

from akimat.content.core import calendar as working_calendar
from akimat.content.core import identification
from plone import api
from plone.namedfile.file import NamedBlobFile


APPEALS = "appeals"  # the confidential section (akimat.policy's sections)
CHANNEL = "website"


def register(fields):
    """A registered Appeal of the `fields` of a form's submission; its registration number.

    Registered at once (R13.6), in the confidential section, whoever submits: the form is the
    public's door. Without a channel, the appeal came through the website."""
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
        api.content.transition(obj=appeal, transition="register")
    return appeal.registration_number


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
