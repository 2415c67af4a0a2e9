"""POST @register-appeal on the site: the appeals department registers a paper letter, a visit,
a call or an e-mail, as on its form @@register-appeal (RULES.md R13.5, R13.6, R13.10).

    POST @register-appeal  {"subject": "Об освещении улицы", "substance": "…",
                            "applicant_name": "Нурланова Айгерим", "address": "с. Шаян …",
                            "channel": "letter", "kind": "appeal",
                            "received_at": "2026-12-08T11:00"}

«channel» defaults to a letter, «kind» to an appeal, «received_at» (Almaty time) to now. Answers
201 with the registered appeal's JSON, or 400 with a JSON error saying what is missing.
"""

from akimat.content import _
from akimat.content.appeals import submissions
from akimat.content.appeals.appeal import IAppeal
from akimat.content.core.errors import Refusal
from akimat.content.services.base import JsonAction
from akimat.content.services.base import TEXT
from datetime import datetime
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
from zope.schema import ValidationError


# The keys of the body and the Appeal's fields that check them («subject» is the title).
FIELDS = {
    "channel": "channel",
    "kind": "kind",
    "subject": "title",
    "substance": "substance",
    "applicant_name": "applicant_name",
    "applicant_id": "applicant_id",
    "address": "address",
    "phone": "phone",
    "email": "email",
    "oral_record": "oral_record",
}
DEFAULTS = {"channel": "letter", "kind": "appeal"}


class BadField(Refusal):
    """A key of the body the Appeal's field refuses."""


def received_at(value):
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except (TypeError, ValueError):
        raise BadField(
            _(
                "«${value}» is not a time; write it as YYYY-MM-DDTHH:MM.",
                mapping={"value": value},
            )
        ) from None


def checked(data, context):
    """The body's values, each checked by its field of the Appeal."""
    fields = {key: data.get(key) or DEFAULTS.get(key) for key in FIELDS}
    for key, name in FIELDS.items():
        field = IAppeal[name].bind(context)
        if fields[key] is None:
            if field.required:
                raise BadField(_("Fill in «${key}».", mapping={"key": key}))
            continue
        try:
            field.validate(fields[key])
        except ValidationError as error:
            message = error.doc() if key == "applicant_id" else None
            raise BadField(
                message
                or _("«${key}» has a value that is not allowed.", mapping={"key": key})
            ) from None
    fields["received_at"] = received_at(data.get("received_at"))
    return fields


class RegisterAppeal(JsonAction):
    keys = {**dict.fromkeys(FIELDS, TEXT), "received_at": TEXT}

    def act(self, data, userid):
        appeal = submissions.register_by_staff(checked(data, self.context))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", appeal.absolute_url())
        return getMultiAdapter((appeal, self.request), ISerializeToJson)()
