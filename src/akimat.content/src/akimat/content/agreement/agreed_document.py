"""What acts and protocols share: further approvers, substitutes and the distribution list.

The approvers the rules require are computed by each type; these fields name the others, who
stands in for an absent approver (R11.4), and who receives the registered document (R10.18, A6.5).
"""

from akimat.content import _
from akimat.content.agreement import freeze
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.supermodel import model
from zope import schema


PRINCIPALS = "akimat.vocabularies.Principals"


class IAgreedDocument(model.Schema):
    model.fieldset(
        "agreement",
        label=_("Agreement"),
        fields=["approvers", "substitutes", "distribution", "distribution_external"],
    )
    directives.widget("approvers", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    approvers = schema.List(
        title=_("Further approvers"),
        description=_(
            "Those the rules require and the legal consultant are added by themselves."
        ),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=False,
        default=[],
    )
    substitutes = schema.List(
        title=_("Substitutes of absent approvers"),
        description=_("One per line: «approver substitute», user ids."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    directives.widget("distribution", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    distribution = schema.List(
        title=_("Distribution list in the intranet"),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=False,
        default=[],
    )
    distribution_external = schema.Text(
        title=_("Outside bodies on the distribution list"), required=False
    )


class AgreedDocument:
    """Mixin of the content classes of agreed documents."""

    def _setPropValue(self, id, value):
        """The ZMI's Properties tab changes a document without any event: not a registered one."""
        freeze.check_change(self, "edit the properties of")
        super()._setPropValue(id, value)

    def substitute_map(self):
        """{approver: substitute} from the lines «approver substitute» (R11.4)."""
        pairs = (line.split() for line in self.substitutes or ())
        return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}
