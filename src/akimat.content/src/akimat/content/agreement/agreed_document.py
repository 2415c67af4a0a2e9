"""What acts and protocols share: further approvers, substitutes and the distribution list.

The approvers the rules require are computed by each type; these fields name the others, who
stands in for an absent approver (R11.4), and who receives the registered document (R10.18, A6.5).
Every person is chosen by name (akimat.vocabularies.Principals); the substitutes are a table of
rows (collective.z3cform.datagridfield), each {"approver": id, "substitute": id}.
"""

from akimat.content import _
from akimat.content.agreement import freeze
from akimat.content.core.principals import principal_title
from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.datagridfield import DataGridValidator
from collective.z3cform.datagridfield.row import DictRow
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.supermodel import model
from z3c.form import validator
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.schema import ValidationError
from zope.schema.interfaces import IChoice


PRINCIPALS = "akimat.vocabularies.Principals"


class IPickedInRow(IChoice):
    """A choice in a table's row made with the picker by name (row_pickers.RowPickerConverter)."""


@implementer(IPickedInRow)
class PickedInRow(schema.Choice):
    pass


class ISubstituteRow(Interface):
    """One row of the substitutes: the absent approver and who visas for him."""

    directives.widget("approver", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    approver = PickedInRow(title=_("Approver"), vocabulary=PRINCIPALS, required=True)
    directives.widget("substitute", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    substitute = PickedInRow(
        title=_("Substitute"), vocabulary=PRINCIPALS, required=True
    )


class WrongSubstitutes(ValidationError):
    """Rows that cannot stand together; args[0] is the message that names the person."""

    def doc(self):
        return self.args[0]


def check_substitutes(rows):
    """Each approver once, each with another person as his substitute; a schema constraint."""
    seen = set()
    for row in rows:
        approver = row["approver"]
        if approver == row["substitute"]:
            raise WrongSubstitutes(
                _(
                    "The substitute must be another person than the approver: ${name}.",
                    mapping={"name": principal_title(approver)},
                )
            )
        if approver in seen:
            raise WrongSubstitutes(
                _(
                    "Each approver is named in one row only: ${name}.",
                    mapping={"name": principal_title(approver)},
                )
            )
        seen.add(approver)
    return True


def rows_from_lines(lines):
    """The rows of the former lines «approver substitute» (user ids); other lines are dropped."""
    pairs = (line.split() for line in lines)
    return [
        {"approver": pair[0], "substitute": pair[1]} for pair in pairs if len(pair) == 2
    ]


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
    # the order of the rows means nothing; a blank last row adds the next one
    directives.widget("substitutes", DataGridFieldFactory, allow_reorder=False)
    substitutes = schema.List(
        title=_("Substitutes of absent approvers"),
        description=_("Choose by name who visas in place of an absent approver."),
        value_type=DictRow(title=_("Substitute"), schema=ISubstituteRow),
        required=False,
        default=[],
        constraint=check_substitutes,
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


class SubstitutesValidator(DataGridValidator):
    """The datagrid's validator checks the cells only; the rows must also stand together."""

    def validate(self, value, force=False):
        super().validate(value, force)
        check_substitutes(value or ())


validator.WidgetValidatorDiscriminators(
    SubstitutesValidator, field=IAgreedDocument["substitutes"]
)


class AgreedDocument:
    """Mixin of the content classes of agreed documents."""

    def _setPropValue(self, id, value):
        """The ZMI's Properties tab changes a document without any event: not a registered one."""
        freeze.check_change(self, "edit the properties of")
        super()._setPropValue(id, value)

    def substitute_map(self):
        """{approver: substitute} from the rows of the substitutes (R11.4)."""
        return {row["approver"]: row["substitute"] for row in self.substitutes or ()}
