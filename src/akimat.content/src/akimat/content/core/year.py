"""A year is a number people read without a thousands separator: «2026», never «2 026» or
«2,026» as z3c.form's integer widget writes any Int in the reader's locale."""

from z3c.form.converter import IntegerDataConverter
from z3c.form.interfaces import IWidget
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IInt


class IYear(IInt):
    """A calendar year."""


@implementer(IYear)
class Year(schema.Int):
    """An Int whose widgets show it as a year."""


@adapter(IYear, IWidget)
class YearDataConverter(IntegerDataConverter):
    """The digits of the year both ways; a wrong entry gets the integer converter's message."""

    def toWidgetValue(self, value):
        return "" if value is self.field.missing_value else str(value)

    def toFieldValue(self, value):
        value = value.strip() if isinstance(value, str) else value
        if not value:
            return self.field.missing_value
        if not value.isdigit():
            # The integer converter refuses it with its own translated message.
            return super().toFieldValue(value)
        return int(value)
