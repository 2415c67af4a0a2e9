"""The pickers by name in the rows of the substitutes, where collective.z3cform.datagridfield
does not expect them.

- A stored row is first shown through the default widget of a choice, a list of one value, then
  read back through the picker, which expects the value itself: the converter takes both.
- The datagrid's permission checkers (its overrides.zcml) look for a row's field only among the
  fields a schema defines itself, not those it inherits, and IAct and IProtocol inherit the
  substitutes from IAgreedDocument: these checkers also look in the schemata's bases, so that
  the pickers may look up their vocabulary.
"""

from akimat.content.agreement.agreed_document import IAgreedDocument
from akimat.content.agreement.agreed_document import IPickedInRow
from collective.z3cform.datagridfield.row import DictRowFieldPermissionChecker
from collective.z3cform.datagridfield.row import (
    GenericFormDictRowFieldPermissionChecker,
)
from plone.app.z3cform.interfaces import IAjaxSelectWidget
from plone.dexterity.browser.add import DefaultAddView
from z3c.form.converter import FieldDataConverter
from zope.component import adapter
from zope.interface import Interface


@adapter(IPickedInRow, IAjaxSelectWidget)
class RowPickerConverter(FieldDataConverter):
    def toFieldValue(self, value):
        if isinstance(value, (list, tuple)):
            value = value[0] if value else ""
        return super().toFieldValue(value)


def with_bases(schemata):
    """The schemata and the schemata they extend, each once."""
    found = []
    for schema in schemata:
        found += [base for base in schema.__iro__ if base not in (*found, Interface)]
    return found


@adapter(IAgreedDocument)
class AgreedDocumentFieldPermissionChecker(DictRowFieldPermissionChecker):
    """On an act or a protocol: its edit form."""

    def _get_schemata(self):
        return with_bases(super()._get_schemata())


@adapter(DefaultAddView)
class AddFormFieldPermissionChecker(GenericFormDictRowFieldPermissionChecker):
    """On an add form (++add++Act): the document to be."""

    def _get_schemata(self):
        return with_bases(super()._get_schemata())
