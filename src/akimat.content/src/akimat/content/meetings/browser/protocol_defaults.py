"""Defaults of an assignment added in a protocol: the add form (`++add++Assignment` on the protocol)
starts from the protocol's controller (R8.5a), its meeting's date and kind (R12.4a) and the next
item number (R8.5b). Registered as z3c.form `default` values in protocols.zcml."""

from akimat.content.control.assignment import IAssignment
from akimat.content.meetings.protocol import IProtocol
from z3c.form.widget import ComputedWidgetAttribute


def next_item_number(protocol):
    """R8.5b: the top-level number after the highest one given, "1" for the first."""
    tops = [
        (assignment.number or "").split(".")[0] for assignment in protocol.assignments()
    ]
    return str(max((int(top) for top in tops if top.isdigit()), default=0) + 1)


def _from_protocol(field_name, compute):
    return ComputedWidgetAttribute(
        lambda adapter: compute(adapter.context),
        context=IProtocol,
        field=IAssignment[field_name],
    )


controller = _from_protocol("controller", lambda protocol: protocol.controller)
date_given = _from_protocol("date_given", lambda protocol: protocol.meeting_date)
source_kind = _from_protocol("source_kind", lambda protocol: protocol.meeting_kind)
number = _from_protocol("number", next_item_number)
