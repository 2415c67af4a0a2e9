"""The public appeal form: the one page of the closed intranet an anonymous visitor may open
(RULES.md R13.5, R13.6).

An easyform at the site root. Its fields check what the applicant can correct (the IIN or BIN,
the attachment, one way to answer), its actions first keep the submission in the form's saved
data, then register it as an Appeal in the confidential «appeals» section: an appeal is never
lost, even when its registration fails (R13.5: refusing one is forbidden). A visitor sees
nothing of the appeals, only the registration number of their own.

The appeals department registers paper and phone appeals on a form of its own (akimat.content's
@@register-appeal); opening this one, it alone sees the fields of the channel, the time of
receipt and the record of an oral appeal (R13.10), checked as on its own form.
"""

from AccessControl import getSecurityManager
from akimat.content import _
from akimat.content.appeals import submissions
from akimat.content.appeals.appeal import IAppeal
from akimat.content.appeals.vocabularies import APPEAL_CHANNELS
from akimat.content.appeals.vocabularies import APPEAL_KINDS
from akimat.content.core import identification
from akimat.policy.rate_limit import RateLimit
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.browser.view import ValidateFile
from collective.easyform.interfaces import IEasyFormForm
from plone import api
from plone.supermodel.exportimport import BaseHandler
from Products.statusmessages.interfaces import IStatusMessage
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr
from z3c.form.validator import InvariantsValidator
from ZODB.POSException import ConflictError
from zope.component import adapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface.interfaces import IInterface

import logging


logger = logging.getLogger("akimat.policy.appeal_form")

FORM_ID = "appeal-form"
HONEYPOT = "website"  # bots fill a field of that name; people never see it
MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024
ATTACHMENT_TYPES = ("pdf", "jpg", "jpeg", "png", "docx")
SUBMISSIONS_PER_HOUR = 5
NUMBER_KEY = "akimat.appeal_registration_number"
_ALLOWED_KEY = "akimat.appeal_form_allowed"
STAFF_FIELDS = ("channel", "received_at", "oral_record")


class IAppealForm(Interface):
    """Marks the public appeal form: its submissions become appeals."""


SUBMISSIONS = RateLimit(limit=SUBMISSIONS_PER_HOUR, window=3600)


def _address(request):
    return request.getClientAddr() or "unknown"


def by_staff(form):
    """Whether the current user registers appeals (R13.2): only then the staff fields count."""
    return bool(
        getSecurityManager().checkPermission("akimat.content: Handle appeal", form)
    )


# Field validators (collective.easyform IFieldValidator): a message is the field's error.


def is_identification(value, **kwargs):
    """R13.5: an IIN or BIN the applicant gives must be one."""
    if not value:
        return None
    try:
        identification.validate(value)
    except identification.IdentificationError as error:
        return error.args[0]
    return None


def is_attachment(value, **kwargs):
    """A file of at most 5 MB, a PDF, an image or a Word document."""
    if not value:
        return None
    return (
        ValidateFile(None, None)(
            value, size=MAX_ATTACHMENT_SIZE, allowed_types=ATTACHMENT_TYPES
        )
        or None
    )


@adapter(Interface, Interface, IEasyFormForm, IInterface, Interface)
class AppealFormValidator(InvariantsValidator):
    """What concerns the whole submission of the appeal form: a way to answer, the honeypot,
    the rate per address, or for the appeals department the record of an oral appeal and the
    time of receipt. Other easyforms are validated as z3c.form does."""

    def validate(self, data):
        errors = list(super().validate(data))
        if not IAppealForm.providedBy(self.view.context):
            return tuple(errors)
        if data.get(HONEYPOT):
            errors.append(Invalid(_("The form was not sent by a person.")))
        if by_staff(self.view.context):
            return tuple(errors + self._staff_errors(data))
        if not (data.get("phone") or data.get("email")):
            errors.append(
                Invalid(_("Give a phone number or an e-mail address for the answer."))
            )
        # Decided once a request: the form extracts its data again to show the thanks page.
        allowed = self.request.other.setdefault(
            _ALLOWED_KEY, SUBMISSIONS.allowed(_address(self.request))
        )
        if not allowed:
            errors.append(
                Invalid(
                    _(
                        "At most ${count} appeals an hour are accepted from one address. "
                        "Please try again later.",
                        mapping={"count": SUBMISSIONS_PER_HOUR},
                    )
                )
            )
        return tuple(errors)

    @staticmethod
    def _staff_errors(data):
        """The department's own checks, the same as on its registration form (R13.6, R13.10)."""
        return [Invalid(problem) for problem in submissions.staff_problems(data)]


class RegisterAppeal(Action):
    """The easyform action «Register the appeal»: the submission becomes a registered Appeal
    received through the website, or as the appeals department tells (R13.5, R13.6)."""

    def onSuccess(self, fields, request):
        staff = by_staff(get_context(self))
        if not staff:
            # The form omits the staff fields for visitors; posted anyway, they count for nothing.
            fields = {
                name: value
                for name, value in fields.items()
                if name not in STAFF_FIELDS
            }
        number = None
        try:
            number = submissions.register(fields).registration_number
        except ConflictError:
            raise  # the publisher retries the whole submission
        except Exception:
            # The submission stays in the form's saved data; the department registers it.
            logger.exception("The appeal of the public form could not be registered")
        if not staff:
            SUBMISSIONS.record(_address(request))
        if number is None:
            message = _(
                "Your appeal is received. The appeals department will register it."
            )
        else:
            request.set(NUMBER_KEY, number)
            message = _(
                "Your appeal is registered under number ${number}.",
                mapping={"number": number},
            )
        IStatusMessage(request).add(message, type="info")


RegisterAppealAction = ActionFactory(
    RegisterAppeal, _("Register the appeal"), "cmf.ManagePortal"
)
RegisterAppealHandler = BaseHandler(RegisterAppeal)


# The form, as the setup handler creates it. Titles come from the Appeal's fields, in Russian.


def _ru(message):
    return escape(translate(message, target_language="ru"))


# Easyform's form is a plone.autoform form: it leaves out a field the user may not write (on the
# thanks page: read), so visitors never see the staff fields.
HANDLE_APPEAL = (
    "akimat.content.HandleAppeal"  # the permission's id, as plone.supermodel names it
)
STAFF_ONLY = f' security:read-permission="{HANDLE_APPEAL}" security:write-permission="{HANDLE_APPEAL}"'


def _field(
    name, type_, title, required=False, validators=None, extra="", staff_only=False
):
    validators = f' easyform:validators="{validators}"' if validators else ""
    security = STAFF_ONLY if staff_only else ""
    return (
        f'<field name="{name}" type="{type_}"{validators}{security}>'
        f"<title>{_ru(title)}</title><required>{required}</required>{extra}</field>"
    )


def _values(vocabulary):
    return "".join(
        f"<element key={quoteattr(term.value)}>{_ru(term.title)}</element>"
        for term in vocabulary
    )


def _description(message):
    return f"<description>{_ru(message)}</description>"


def fields_model():
    line = "zope.schema.TextLine"
    fields = (
        # The appeals department's, first: a paper or an oral appeal as received (R13.6, R13.10).
        _field(
            "channel",
            "zope.schema.Choice",
            IAppeal["channel"].title,
            True,
            staff_only=True,
            extra=f"<default>letter</default><values>{_values(APPEAL_CHANNELS)}</values>",
        ),
        _field(
            "received_at",
            "zope.schema.Datetime",
            IAppeal["received_at"].title,
            staff_only=True,
            extra=_description(_("Almaty time. Left empty, the time of sending.")),
        ),
        _field(
            "oral_record",
            "zope.schema.Text",
            IAppeal["oral_record"].title,
            staff_only=True,
            extra=_description(IAppeal["oral_record"].description),
        ),
        _field(
            "kind",
            "zope.schema.Choice",
            IAppeal["kind"].title,
            True,
            extra=f"<default>appeal</default><values>{_values(APPEAL_KINDS)}</values>",
        ),
        _field("applicant_name", line, IAppeal["applicant_name"].title, True),
        _field(
            "applicant_id",
            line,
            IAppeal["applicant_id"].title,
            validators="akimat.isIdentification",
        ),
        _field("address", line, IAppeal["address"].title),
        _field("phone", line, IAppeal["phone"].title),
        _field("email", line, IAppeal["email"].title, validators="isValidEmail"),
        _field("subject", line, IAppeal["title"].title, True),
        _field("substance", "zope.schema.Text", IAppeal["substance"].title, True),
        _field(
            "attachment",
            "plone.namedfile.field.NamedBlobFile",
            IAppeal["attachment"].title,
            validators="akimat.isAppealAttachment",
            extra=_description(_("PDF, JPG, PNG or DOCX, at most 5 MB.")),
        ),
        _field(
            "consent",
            "zope.schema.Bool",
            _("I agree to the processing of my personal data"),
            True,
            validators="isChecked",
        ),
        # The honeypot: hidden from people, left empty by them.
        f'<field name="{HONEYPOT}" type="{line}" easyform:css_class="d-none">'
        f"<title>{_ru(_('Leave this field empty'))}</title><required>False</required></field>",
    )
    return _model("".join(fields))


def actions_model():
    return _model(
        f'<field name="saved" type="collective.easyform.actions.SaveData">'
        f"<title>{_ru(_('Saved submissions'))}</title></field>"
        f'<field name="register" type="akimat.policy.appeal_form.RegisterAppeal">'
        f"<title>{_ru(_('Register the appeal'))}</title></field>"
    )


def _model(fields):
    return (
        '<model xmlns="http://namespaces.plone.org/supermodel/schema" '
        'xmlns:easyform="http://namespaces.plone.org/supermodel/easyform" '
        'xmlns:security="http://namespaces.plone.org/supermodel/security">'
        f"<schema>{fields}</schema></model>"
    )


THANKS = _("The answer will be sent to you within the term set by law.")

# Anonymous visitors open and submit this form only; the rest of the site stays closed.
OPEN_PERMISSIONS = ("View", "Access contents information")
STAFF = ["Authenticated", "Manager", "Site Administrator"]


def ensure_appeal_form(portal=None):
    """Create the public appeal form when missing and open it to anonymous visitors; safe to run
    again. Its permissions are set on the object: 'Update security settings' of the workflow
    takes them back, the policy's setup gives them again."""
    portal = portal if portal is not None else api.portal.get()
    form = portal.get(FORM_ID)
    if form is None:
        form = api.content.create(
            container=portal,
            type="EasyForm",
            id=FORM_ID,
            title=translate(_("Submit an appeal"), target_language="ru"),
            description=translate(
                _(
                    "An appeal, a message, a request, a response, a proposal or a complaint "
                    "to the akimat of the district. It is registered and you are told its "
                    "number."
                ),
                target_language="ru",
            ),
            fields_model=fields_model(),
            actions_model=actions_model(),
            submitLabel=translate(_("Send the appeal"), target_language="ru"),
            thankstitle=translate(_("Your appeal is received"), target_language="ru"),
            includeEmpties=False,
        )
    # Easyform's default thanks text is English («Thanks for your input.»).
    form.thanksdescription = translate(THANKS, target_language="ru")
    alsoProvides(form, IAppealForm)
    for permission in OPEN_PERMISSIONS:
        form.manage_permission(permission, ["Anonymous"] + STAFF, acquire=False)
    form.reindexObjectSecurity()
    return form
