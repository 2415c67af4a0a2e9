"""The public appeal form: the one page of the closed intranet an anonymous visitor may open
(RULES.md R13.5, R13.6).

An easyform at the site root. Its fields check what the applicant can correct (the IIN or BIN,
the attachment, one way to answer), its actions first keep the submission in the form's saved
data, then register it as an Appeal in the confidential «appeals» section: an appeal is never
lost, even when its registration fails (R13.5: refusing one is forbidden). A visitor sees
nothing of the appeals, only the registration number of their own.
"""

from akimat.content import _
from akimat.content import calendar as working_calendar
from akimat.content import identification
from akimat.content.content.appeal import IAppeal
from akimat.content.vocabularies import APPEAL_KINDS
from collections import OrderedDict
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.browser.view import ValidateFile
from collective.easyform.interfaces import IEasyFormForm
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.supermodel.exportimport import BaseHandler
from Products.statusmessages.interfaces import IStatusMessage
from threading import Lock
from time import time
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr
from z3c.form.validator import InvariantsValidator
from zope.component import adapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface.interfaces import IInterface

import logging


logger = logging.getLogger("akimat.policy.appeal_form")

FORM_ID = "appeal-form"
APPEALS = "appeals"
CHANNEL = "website"
HONEYPOT = "website"  # bots fill a field of that name; people never see it
MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024
ATTACHMENT_TYPES = ("pdf", "jpg", "jpeg", "png", "docx")
SUBMISSIONS_PER_HOUR = 5
NUMBER_KEY = "akimat.appeal_registration_number"
_ALLOWED_KEY = "akimat.appeal_form_allowed"


class IAppealForm(Interface):
    """Marks the public appeal form: its submissions become appeals."""


class RateLimit:
    """At most `limit` submissions of one address within `window` seconds, in memory: the
    counts of at most `capacity` addresses, the least recent forgotten first."""

    def __init__(self, limit=SUBMISSIONS_PER_HOUR, window=3600, capacity=10000):
        self.limit, self.window, self.capacity = limit, window, capacity
        self._moments = OrderedDict()
        self._lock = Lock()

    def _recent(self, address, now):
        return [moment for moment in self._moments.get(address, ()) if now - moment < self.window]

    def allowed(self, address):
        with self._lock:
            return len(self._recent(address, time())) < self.limit

    def record(self, address):
        now = time()
        with self._lock:
            self._moments[address] = self._recent(address, now) + [now]
            self._moments.move_to_end(address)
            while len(self._moments) > self.capacity:
                self._moments.popitem(last=False)

    def clear(self):
        with self._lock:
            self._moments.clear()


SUBMISSIONS = RateLimit()


def _address(request):
    return request.getClientAddr() or "unknown"


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
    return ValidateFile(None, None)(value, size=MAX_ATTACHMENT_SIZE, allowed_types=ATTACHMENT_TYPES) or None


@adapter(Interface, Interface, IEasyFormForm, IInterface, Interface)
class AppealFormValidator(InvariantsValidator):
    """What concerns the whole submission of the appeal form: a way to answer, the honeypot,
    the rate per address. Other easyforms are validated as z3c.form does."""

    def validate(self, data):
        errors = list(super().validate(data))
        if not IAppealForm.providedBy(self.view.context):
            return tuple(errors)
        if data.get(HONEYPOT):
            errors.append(Invalid(_("The form was not sent by a person.")))
        if not (data.get("phone") or data.get("email")):
            errors.append(Invalid(_("Give a phone number or an e-mail address for the answer.")))
        # Decided once a request: the form extracts its data again to show the thanks page.
        allowed = self.request.other.setdefault(_ALLOWED_KEY, SUBMISSIONS.allowed(_address(self.request)))
        if not allowed:
            errors.append(Invalid(_("At most ${count} appeals an hour are accepted from one address. "
                                    "Please try again later.", mapping={"count": SUBMISSIONS_PER_HOUR})))
        return tuple(errors)


class RegisterAppeal(Action):
    """The easyform action «Register the appeal»: the submission becomes a registered Appeal
    received through the website (R13.5, R13.6)."""

    def onSuccess(self, fields, request):
        number = None
        try:
            number = register(fields)
        except Exception:
            # The submission stays in the form's saved data; the department registers it.
            logger.exception("The appeal of the public form could not be registered")
        SUBMISSIONS.record(_address(request))
        if number is None:
            message = _("Your appeal is received. The appeals department will register it.")
        else:
            request.set(NUMBER_KEY, number)
            message = _("Your appeal is registered under number ${number}.", mapping={"number": number})
        IStatusMessage(request).add(message, type="info")


def register(fields):
    """A registered Appeal of the submitted `fields`; its registration number."""
    with api.env.adopt_roles(["Manager"]):
        appeal = api.content.create(
            container=api.portal.get()[APPEALS],
            type="Appeal",
            kind=fields["kind"],
            title=fields["subject"],
            substance=fields["substance"],
            channel=CHANNEL,
            received_at=working_calendar.now().replace(tzinfo=None),
            applicant_name=fields["applicant_name"],
            applicant_id=identification.validate(fields["applicant_id"]) if fields.get("applicant_id") else None,
            address=fields.get("address"),
            phone=fields.get("phone"),
            email=fields.get("email"),
            attachment=_blob(fields.get("attachment")),
        )
        api.content.transition(obj=appeal, transition="register")
    return appeal.registration_number


def _blob(value):
    if not value:
        return None
    return NamedBlobFile(data=value.data, contentType=value.contentType, filename=value.filename)


RegisterAppealAction = ActionFactory(RegisterAppeal, _("Register the appeal"), "cmf.ManagePortal")
RegisterAppealHandler = BaseHandler(RegisterAppeal)


# The form, as the setup handler creates it. Titles come from the Appeal's fields, in Russian.

def _ru(message):
    return escape(translate(message, target_language="ru"))


def _field(name, type_, title, required=False, validators=None, extra=""):
    validators = f' easyform:validators="{validators}"' if validators else ""
    return (f'<field name="{name}" type="{type_}"{validators}>'
            f"<title>{_ru(title)}</title><required>{required}</required>{extra}</field>")


def fields_model():
    kinds = "".join(f"<element key={quoteattr(term.value)}>{_ru(term.title)}</element>" for term in APPEAL_KINDS)
    line = "zope.schema.TextLine"
    fields = (
        _field("kind", "zope.schema.Choice", IAppeal["kind"].title, True,
               extra=f"<default>appeal</default><values>{kinds}</values>"),
        _field("applicant_name", line, IAppeal["applicant_name"].title, True),
        _field("applicant_id", line, IAppeal["applicant_id"].title, validators="akimat.isIdentification"),
        _field("address", line, IAppeal["address"].title),
        _field("phone", line, IAppeal["phone"].title),
        _field("email", line, IAppeal["email"].title, validators="isValidEmail"),
        _field("subject", line, IAppeal["title"].title, True),
        _field("substance", "zope.schema.Text", IAppeal["substance"].title, True),
        _field("attachment", "plone.namedfile.field.NamedBlobFile", IAppeal["attachment"].title,
               validators="akimat.isAppealAttachment",
               extra=f"<description>{_ru(_('PDF, JPG, PNG or DOCX, at most 5 MB.'))}</description>"),
        _field("consent", "zope.schema.Bool", _("I agree to the processing of my personal data"), True,
               validators="isChecked"),
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
    return ('<model xmlns="http://namespaces.plone.org/supermodel/schema" '
            'xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">'
            f"<schema>{fields}</schema></model>")


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
            description=translate(_("An appeal, a message, a request, a response, a proposal or a complaint "
                                    "to the akimat of the district. It is registered and you are told its "
                                    "number."), target_language="ru"),
            fields_model=fields_model(),
            actions_model=actions_model(),
            submitLabel=translate(_("Send the appeal"), target_language="ru"),
            thankstitle=translate(_("Your appeal is received"), target_language="ru"),
            includeEmpties=False,
        )
    alsoProvides(form, IAppealForm)
    for permission in OPEN_PERMISSIONS:
        form.manage_permission(permission, ["Anonymous"] + STAFF, acquire=False)
    form.reindexObjectSecurity()
    return form
