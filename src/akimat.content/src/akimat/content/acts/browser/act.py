"""Views of an act: its page with the terms and the visa sheet, the visa and return forms, the
print form, acquaintance, and the listings of acts (RULES.md R10)."""

from akimat.content import _
from akimat.content.acts import act_print
from akimat.content.acts import life_cycle as acts
from akimat.content.acts.act import REQUIRED_ATTACHMENTS
from akimat.content.acts.vocabularies import ACT_KINDS
from akimat.content.acts.vocabularies import ACT_URGENCY
from akimat.content.agreement import agreement
from akimat.content.agreement import visas
from akimat.content.agreement.browser import AgreedDocumentView
from akimat.content.agreement.browser import CatalogListing
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_titles
from akimat.content.browser.relations import visible_target
from akimat.content.browser.steps import button_transitions
from akimat.content.control.browser.control_list import bad_request
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import principal_title
from akimat.content.core.principals import PrincipalTitles
from akimat.content.core.print_forms import DOCX
from akimat.content.core.vocabularies import title_of
from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.supermodel import model
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from z3c.form import button
from z3c.form import form
from zope import schema
from zope.i18n import translate


VISA = "akimat.content: Visa act"
RETURN = "akimat.content: Return act"
SIGN = "akimat.content: Sign act"
REGISTER = "akimat.content: Register act"
DISTRIBUTE = "akimat.content: Distribute act"
SUBMIT = "akimat.content: Submit act"
REVIEW = "akimat.content: Review act legally"


class ActView(AgreedDocumentView):
    """The act: requisites, state, terms, the visa sheet and what this user may do."""

    def kind(self):
        return title_of(ACT_KINDS, self.context.kind)

    def urgency(self):
        urgency = self.context.urgency
        return ACT_URGENCY.getTerm(urgency).title if urgency in ACT_URGENCY else None

    def registered(self):
        return self.context.review_state() == "registered"

    def developer(self):
        return (
            principal_title(self.context.developer_department)
            if self.context.developer_department
            else ""
        )

    def basis(self):
        """The assignment or document the act is based on, as far as this user sees it (R13.2)."""
        target = visible_target(self.context.basis) or {"title": None, "url": None}
        return {**target, "reference": self.context.basis_reference}

    def files(self):
        """Every attached file with its download link: the texts and the required attachments."""
        url = self.context.absolute_url()
        fields = [
            ("file_kk", _("Text in Kazakh as a file")),
            ("file_ru", _("Text in Russian as a file")),
        ]
        fields += [
            (attachment, label) for _flag, attachment, label in REQUIRED_ATTACHMENTS
        ]
        return [
            {
                "label": label,
                "filename": value.filename,
                "url": f"{url}/@@download/{name}",
            }
            for name, label in fields
            if (value := getattr(self.context, name, None))
        ]

    def distribution(self):
        titles = PrincipalTitles()
        return [titles(principal) for principal in self.context.distribution or ()]

    # Terms (R10.13–R10.15)

    def terms(self):
        act, today = self.context, self.today()
        round_deadline = act.round_deadline()
        signing_deadline = act.signing_deadline()
        signed = acts.last_transition(act, "sign")
        signed_on = (
            working_calendar.to_almaty(signed["time"].asdatetime()).date()
            if signed
            else None
        )
        rework = act.rework_deadline()
        titles = PrincipalTitles()
        return {
            "round_deadline": round_deadline,
            "round_overdue": round_deadline is not None and today > round_deadline,
            "late": [titles(userid) for userid in act.late_approvers(today=today)],
            "signing_deadline": signing_deadline,
            "signed_on": signed_on,
            "signing_exceeded": (signed_on or today) > signing_deadline
            and act.review_state() not in ("withdrawn",),
            "rework_deadline": rework,
            "rework_overdue": rework is not None and today > rework,
            "returned_on": act.returned_on,
        }

    # Actions

    def may_visa(self):
        return self.can(VISA) and visas.awaiting(self.context, self.userid())

    def may_return(self):
        return self.can(RETURN) and self.context.review_state() in (
            "legal_review",
            "agreement",
            "members_agreement",
            "signing",
        )

    def transitions(self):
        """The workflow transitions this user may fire, as buttons (sign, register …)."""
        return button_transitions(self.context)

    def may_distribute(self):
        return self.registered() and self.can(DISTRIBUTE)

    def may_acknowledge(self):
        userid = self.userid()
        return userid in acts.acquaintance_pending(self.context)

    def acquaintance(self):
        """Who confirmed «ознакомлен» and who not yet (R10.18), for those who distribute."""
        if not self.registered():
            return None
        titles, confirmed = PrincipalTitles(), acts.acquaintance(self.context)
        return {
            "confirmed": [
                {"name": titles(u), "when": when.replace("T", " ")}
                for u, when in confirmed.items()
            ],
            "pending": [titles(u) for u in acts.acquaintance_pending(self.context)],
        }


class ActForm(AutoExtensibleForm, form.Form):
    """A form that runs one step of the act and says plainly why it was refused."""

    ignoreContext = True

    def userid(self):
        return api.user.get_current().getId()

    def done(self, success):
        api.portal.show_message(success, request=self.request)
        self.request.response.redirect(self.context.absolute_url())


class IVisa(model.Schema):
    reason = schema.Text(
        title=_("Reasons for the return"),
        description=_(
            "Required when you return the draft; there is no «agreed with remarks»."
        ),
        required=False,
    )


class VisaForm(ActForm):
    """An approver agrees or returns the draft with reasons (R10.4b); nothing in between."""

    schema = IVisa
    label = _("Visa the draft")

    def give(self, agree, reason=None):
        try:
            agreement.give_visa(self.context, self.userid(), agree, reason=reason)
        except visas.VisaError as error:
            self.status = translate(error.args[0], context=self.request)
            return False
        except WorkflowException as error:
            self.status = str(error)
            return False
        return True

    @button.buttonAndHandler(_("Agree"), name="agree")
    def handle_agree(self, action):
        if self.give(True):
            self.done(_("Your visa is recorded: agreed."))

    @button.buttonAndHandler(_("Return for rework"), name="return")
    def handle_return(self, action):
        data, errors = self.extractData()
        reason = (data.get("reason") or "").strip()
        if not reason:
            self.status = translate(
                _("Give the reason for returning the document for rework."),
                context=self.request,
            )
            return
        if self.give(False, reason):
            self.done(_("The draft is returned for rework."))


class IReturnForRework(model.Schema):
    reason = schema.Text(title=_("Reasons for the return"), required=True)


class ReturnForReworkForm(ActForm):
    """The leadership, the legal consultant or the ОДК returns the draft with a reason (R10.12);
    the rework term starts (R10.13)."""

    schema = IReturnForRework
    label = _("Return the draft for rework")

    @button.buttonAndHandler(_("Return for rework"), name="return")
    def handle_return(self, action):
        data, errors = self.extractData()
        reason = (data.get("reason") or "").strip() if not errors else ""
        if not reason:
            self.status = translate(
                _("Give the reason for returning the document for rework."),
                context=self.request,
            )
            return
        try:
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, "return", comment=reason
            )
        except WorkflowException as error:
            message = str(error) or translate(
                _("The draft cannot be returned now."), context=self.request
            )
            self.status = message
            return
        self.context.reindexObject()
        self.done(_("The draft is returned for rework."))


class PrintDocx(BrowserView):
    """The print form of a registered act with its visa sheet, as a Word document (R10.16)."""

    def __call__(self):
        act, response = self.context, self.request.response
        try:
            values = act_print.print_values(act, self.request)
        except act_print.NotPrintable as refusal:
            return bad_request(self.request, refusal)
        data = act_print.render_act(values)
        filename = f"act-{act.kind}-{act.registration_date.year}-{act.registration_number}.docx"
        response.setHeader("Content-Type", DOCX)
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        response.setHeader("Content-Length", str(len(data)))
        response.setHeader("Cache-Control", "private, no-store")
        return data


class Acknowledge(BrowserView):
    """A recipient confirms «ознакомлен» with a registered act (R10.18); POST only."""

    def __call__(self):
        url = self.context.absolute_url()
        if self.request.get("REQUEST_METHOD", "GET").upper() != "POST":
            self.request.response.redirect(url)
            return ""
        try:
            acts.acquaint(self.context, api.user.get_current().getId())
        except ValueError as error:
            api.portal.show_message(error.args[0], request=self.request, type="error")
        else:
            api.portal.show_message(
                _("Your acquaintance with the act is recorded."), request=self.request
            )
        self.request.response.redirect(url)
        return ""


class ActListingBase(CatalogListing):
    """A batched list of acts from the catalog: metadata only, no object is woken up."""

    def row(self, brain):
        if not hasattr(self, "_titles"):
            self._titles = PrincipalTitles()
            self._states = state_titles("Act")
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "kind": title_of(ACT_KINDS, brain.act_kind),
            "number": brain.registration_number,
            "date": format_date(brain.registration_date),
            "state": self._states.get(brain.review_state, brain.review_state),
            "state_id": brain.review_state,
            "developer": self._titles(brain.developer_department)
            if brain.developer_department
            else "",
            "deadline": format_date(brain.deadline)
            if brain.portal_type == "Act"
            else "",
        }


class ActListing(ActListingBase):
    """All acts with filters: kind, registration year, state, developer department, normative."""

    label = _("Acts")

    def filters(self):
        form = self.request.form
        return {
            "kind": form.get("kind") or "",
            "year": form.get("year") or "",
            "state": form.get("state") or "",
            "department": form.get("department") or "",
            "normative": form.get("normative") or "",
            "sort": form.get("sort") or "registration",
        }

    def query(self):
        chosen = self.filters()
        query = {
            "portal_type": "Act",
            "sort_on": "modified",
            "sort_order": "descending",
        }
        if chosen["kind"]:
            query["act_kind"] = chosen["kind"]
        if chosen["year"].isdigit():
            query["registration_year"] = int(chosen["year"])
        if chosen["state"]:
            query["review_state"] = chosen["state"]
        if chosen["department"]:
            query["developer_department"] = chosen["department"]
        if chosen["normative"] in ("1", "0"):
            query["normative"] = chosen["normative"] == "1"
        return query

    def brains(self):
        brains = list(api.content.find(**self.query()))
        if self.filters()["sort"] == "registration":
            # Registered acts first, newest registration first; the others by modification.
            brains.sort(
                key=lambda b: (
                    bool(b.registration_date),
                    b.registration_date or "",
                    b.registration_number or 0,
                ),
                reverse=True,
            )
        return brains

    def kinds(self):
        return [{"value": term.value, "title": term.title} for term in ACT_KINDS]

    def state_options(self):
        return [
            {"value": state, "title": title}
            for state, title in state_titles("Act").items()
        ]

    def years(self):
        catalog = api.portal.get_tool("portal_catalog")
        return sorted(
            (y for y in catalog.uniqueValuesFor("registration_year") if y), reverse=True
        )

    def departments(self):
        catalog = api.portal.get_tool("portal_catalog")
        titles = PrincipalTitles()
        return [
            {"value": d, "title": titles(d)}
            for d in catalog.uniqueValuesFor("developer_department")
            if d
        ]


class AwaitingMyVisa(ActListingBase):
    """The acts expected to be visaed by the user now, himself or as a substitute (R10.4a, R11.4)."""

    label = _("Awaiting my visa")

    def brains(self):
        return api.content.find(
            portal_type="Act",
            awaiting_visa=api.user.get_current().getId(),
            sort_on="modified",
            sort_order="descending",
        )


class ActsForAcquaintance(ActListingBase):
    """The registered acts sent to the user that he has not yet confirmed (R10.18)."""

    label = _("Acts for acquaintance")

    def brains(self):
        return api.content.find(
            portal_type="Act",
            acquaintance_pending=api.user.get_current().getId(),
            sort_on="modified",
            sort_order="descending",
        )
