"""A section of a protocol: one agenda item's СЛУШАЛИ – ВЫСТУПИЛИ – ПОСТАНОВИЛИ (A6.2)."""

from akimat.content import _
from akimat.content.meetings.agenda_item import about_title
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IProtocolSection(model.Schema):
    number = schema.Int(title=_("Item number"), required=True, min=1)
    title = schema.TextLine(title=_("Question"), required=True, constraint=about_title)
    speakers = schema.Text(title=_("Speakers"), required=False)
    heard = schema.Text(title=_("Heard (СЛУШАЛИ)"), required=False)
    spoke = schema.Text(title=_("Spoke (ВЫСТУПИЛИ)"), required=False)
    decided = schema.Text(title=_("Decided (ПОСТАНОВИЛИ)"), required=True)
    solved = schema.Bool(
        title=_("Headed «РЕШИЛИ» instead of «ПОСТАНОВИЛИ»"),
        required=False,
        default=False,
    )
    votes = schema.TextLine(title=_("Voting results"), required=False)


@implementer(IProtocolSection)
class ProtocolSection(Item):
    """Filled from the meeting's agenda item when the protocol is created."""
