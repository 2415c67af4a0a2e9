"""«Assign» on an appeal: its executors chosen by name in the picker, an optional deadline
(RULES.md R13.8, R12). A refused assignment stays on the form with what was chosen, and the
field at fault says why."""

from akimat.content import _
from akimat.content.appeals import review as appeal_review
from akimat.content.core import bounds
from akimat.content.core.principals_vocabulary import NAME as PRINCIPALS
from plone import api
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.autoform.form import AutoExtensibleForm
from plone.supermodel import model
from z3c.form import button
from z3c.form import form
from z3c.form.error import ComputedErrorViewMessage
from z3c.form.interfaces import ActionExecutionError
from zope import schema
from zope.interface import Invalid
from zope.schema.interfaces import WrongContainedType


class IAssignAppeal(model.Schema):
    # @@getVocabulary lets those who may assign search the picker (the field's write permission).
    directives.write_permission(executors="akimat.content.HandleAppeal")
    directives.widget("executors", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    executors = schema.List(
        title=_("Executors"),
        description=_(
            "Type part of a department's name, a person's name or position; the first one leads."
        ),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=True,
    )
    deadline = schema.Date(
        title=_("Deadline"), required=False, constraint=bounds.check_date
    )


def _unknown_executors(message):
    """What the person typed that is neither a department nor a person, named."""
    errors = message.error.args[0] if message.error.args else ()
    names = ", ".join(str(getattr(error, "value", error)) for error in errors)
    return _(
        "Not found among the departments and staff: ${names}. Choose from the list that opens as you type.",
        mapping={"names": names},
    )


UnknownExecutors = ComputedErrorViewMessage(
    _unknown_executors, error=WrongContainedType, field=IAssignAppeal["executors"]
)


class AssignForm(AutoExtensibleForm, form.Form):
    schema = IAssignAppeal
    ignoreContext = True
    label = _("Assign the appeal")

    @button.buttonAndHandler(_("Assign"), name="assign")
    def handle_assign(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            appeal_review.assign(self.context, data["executors"], data["deadline"])
        except appeal_review.AssignmentRefused as refusal:
            raise ActionExecutionError(Invalid(refusal.args[0])) from refusal
        api.portal.show_message(_("The assignment is given."), request=self.request)
        self.request.response.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.context.absolute_url())
