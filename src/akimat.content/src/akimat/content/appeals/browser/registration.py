"""@@register-appeal: the appeals department registers a paper letter, a visit, a call or an
e-mail on a form of its own (RULES.md R13.5, R13.6, R13.10).

The same rules as the public form (submissions.staff_problems, the Appeal's own fields and
invariants), the same number sequence (submissions.register → the numbering service); the
applicant's consent is recorded as given on paper. It lands on the registered appeal.
"""

from akimat.content import _
from akimat.content.appeals import submissions
from akimat.content.appeals.appeal import IAppeal
from akimat.content.core import calendar as working_calendar
from plone import api
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import HIDDEN_MODE
from zope import schema
from zope.i18n import translate
from zope.interface import Interface

import uuid


# The Appeal's fields the department fills in; the appeal's «title» is the form's «subject».
FIELDS = (
    "channel",
    "received_at",
    "kind",
    "title",
    "substance",
    "applicant_name",
    "applicant_id",
    "address",
    "phone",
    "email",
    "attachment",
    "oral_record",
)


class ISubmission(Interface):
    # One filling-in of the form: a double click registers once (submissions.register_by_staff).
    submission = schema.ASCIILine(required=False)


def submission(data):
    """The form's data as submissions.register takes a form's submission."""
    fields = {
        name: value
        for name, value in data.items()
        if name not in ("title", "submission")
    }
    fields["subject"] = data["title"]
    return fields


class RegisterAppealForm(form.Form):
    label = _("Register an appeal")
    description = _(
        "A paper letter, a visit, a phone call or an e-mail. The applicant's consent to the "
        "processing of personal data is recorded as given on paper."
    )
    fields = field.Fields(IAppeal).select(*FIELDS) + field.Fields(ISubmission)
    fields["submission"].mode = HIDDEN_MODE
    ignoreContext = False
    enableCSRFProtection = (
        True  # plone.app.z3cform checks the token before the handler runs
    )

    def getContent(self):
        # The defaults of a paper letter received now.
        return {
            "channel": "letter",
            "kind": "appeal",
            "received_at": working_calendar.now().replace(
                tzinfo=None, second=0, microsecond=0
            ),
            "submission": uuid.uuid4().hex,
        }

    def register_url(self):
        return f"{api.portal.get().absolute_url()}/@@appeals-register"

    @button.buttonAndHandler(_("Register"), name="register")
    def handle_register(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            appeal = submissions.register_by_staff(
                submission(data), data.get("submission")
            )
        except submissions.RegistrationRefused as refusal:
            self.status = translate(refusal.args[0], context=self.request)
            return
        api.portal.show_message(
            _(
                "The appeal is registered under number ${number}.",
                mapping={"number": appeal.registration_number},
            ),
            request=self.request,
        )
        self.request.response.redirect(appeal.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.register_url())
