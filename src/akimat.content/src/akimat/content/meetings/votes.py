"""Quorum and votes of an akimat session (RULES.md R5.4).

At least two thirds of the akimat members take part (quorum); without it no vote is recorded.
A resolution passes by a majority of the members present: more than half of them vote for it, so
a tie fails. The arithmetic is here, on plain numbers; the meeting and its agenda items keep the
attendance and the counts.
"""

from akimat.content import _
from akimat.content.core.errors import Refusal
from dataclasses import dataclass


ADOPTED, REJECTED = "adopted", "rejected"


class VoteError(Refusal):
    """A vote or an attendance the rules refuse; args[0] is the message for the person."""


@dataclass(frozen=True)
class Result:
    votes_for: int
    against: int
    abstained: int
    outcome: str  # ADOPTED or REJECTED


def quorum_needed(members):
    """The smallest number of members that is at least two thirds of `members`."""
    return -(-2 * members // 3)  # ceiling of 2/3 without floating point


def has_quorum(members, present):
    return members > 0 and present >= quorum_needed(members)


def check_attendance(members, present):
    """`members` and `present` are collections of user ids; every one present is a member."""
    strangers = sorted(set(present) - set(members))
    if strangers:
        raise VoteError(
            _(
                "${userid} is not a member of the akimat; only members are counted for the quorum.",
                mapping={"userid": strangers[0]},
            )
        )


def count(members, present, votes_for, against, abstained):
    """The result of a vote of `present` out of `members` (numbers), or a VoteError."""
    if not has_quorum(members, present):
        raise VoteError(
            _(
                "No quorum: ${present} of ${members} members are present, at least ${needed} are needed "
                "(two thirds). The vote is not recorded.",
                mapping={
                    "present": present,
                    "members": members,
                    "needed": quorum_needed(members),
                },
            )
        )
    numbers = (votes_for, against, abstained)
    if any(
        not isinstance(number, int) or isinstance(number, bool) or number < 0
        for number in numbers
    ):
        raise VoteError(_("The numbers of votes are whole numbers, zero or more."))
    if sum(numbers) > present:
        raise VoteError(
            _(
                "${votes} votes are more than the ${present} members present.",
                mapping={"votes": sum(numbers), "present": present},
            )
        )
    outcome = ADOPTED if 2 * votes_for > present else REJECTED
    return Result(votes_for, against, abstained, outcome)
