"""Agenda item (вопрос повестки): a question of a meeting with its materials and its vote (R5, A6.2)."""

from akimat.content import _
from akimat.content.meetings import votes
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.schema import ValidationError

import re


PRINCIPALS = "akimat.vocabularies.Principals"
# A6.2: an agenda item's title starts with «О» or «Об» («Об» before a vowel); Kazakh titles
# end with «туралы» instead.
_ABOUT = re.compile(r"^(О|Об)\s\S|\sтуралы\W*$")


class NotAboutTitle(ValidationError):
    __doc__ = _(
        "An agenda item's title starts with «О» or «Об», e.g. «О ходе отопительного сезона»."
    )


def about_title(value):
    if not _ABOUT.search(value.strip()):
        raise NotAboutTitle(value)
    return True


class IAgendaItem(model.Schema):
    title = schema.TextLine(title=_("Question"), required=True, constraint=about_title)
    directives.widget("speakers", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    speakers = schema.List(
        title=_("Speakers"),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=False,
        default=[],
    )
    speakers_external = schema.Text(
        title=_("Speakers from outside the apparatus"), required=False
    )
    directives.widget(
        "responsible_department", AjaxSelectFieldWidget, vocabulary=PRINCIPALS
    )
    responsible_department = schema.Choice(
        title=_("Responsible department"), vocabulary=PRINCIPALS, required=False
    )
    directives.widget(
        "supervising_deputy", AjaxSelectFieldWidget, vocabulary=PRINCIPALS
    )
    supervising_deputy = schema.Choice(
        title=_("Supervising deputy akim"), vocabulary=PRINCIPALS, required=False
    )
    closed_item = schema.Bool(
        title=_("Closed item"),
        description=_("Considered without the public."),
        required=False,
        default=False,
    )
    decision = schema.Text(title=_("Decision"), required=False)
    adopted_act = RelationChoice(
        title=_("Act adopted"),
        description=_("The resolution adopted on this item."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )


@implementer(IAgendaItem)
class AgendaItem(Container):
    """The vote is set only through `record_vote`, which holds the quorum and majority rules."""

    vote = None  # a votes.Result once a vote is recorded

    def meeting(self):
        return self.__parent__

    def number(self):
        return self.meeting().agenda().index(self) + 1

    def record_vote(self, votes_for, against, abstained):
        meeting = self.meeting()
        if meeting.kind != "akimat-session":
            raise votes.VoteError(_("Votes are recorded at akimat sessions."))
        self.vote = votes.count(
            len(meeting.member_ids()),
            len(meeting.attendance),
            votes_for,
            against,
            abstained,
        )
        return self.vote
