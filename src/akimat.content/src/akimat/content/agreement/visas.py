"""Visas: the agreement of a document by a list of people (RULES.md R10.3, R10.4a, R10.4b, R11.4).

A round of agreement names its approvers (user ids) in order. Each approver either agrees or
returns the document for rework with a reason — there is no «agreed with remarks» (R10.4b).
Approvers marked `last` (the legal consultant) visa only after all the others have agreed (R10.3).
A substitute named for an approver visas on his behalf (R11.4); the record keeps who signed and
for whom. A return closes the round as "returned", the last agreement as "agreed"; a new round
starts clean and every earlier round stays in the history.

The state lives in an annotation of the document; the service knows no content type, so acts,
protocols and letters all go through the same rules. Reading never writes to the database. A
refused visa is a VisaError whose message says why, in words a person understands.
"""

from akimat.content import _
from akimat.content.core import calendar
from akimat.content.core.errors import Refusal
from dataclasses import dataclass
from datetime import datetime
from datetime import timezone
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = (
    "akimat.content.visas"  # stored in every document sent for agreement: never renamed
)
# The states of a round; a given visa is AGREED or RETURNED (R10.4b: nothing in between).
OPEN, AGREED, RETURNED = "open", "agreed", "returned"
# A given visa as the visa sheets say it, on the page and in print.
DECISIONS = {AGREED: _("agreed"), RETURNED: _("returned for rework")}


class VisaError(Refusal):
    """A visa the rules refuse; args[0] is the message for the person."""


@dataclass(frozen=True)
class Visa:
    """One approver's place in a round: `decision` is None (still to visa), AGREED or RETURNED;
    `signed_by` is who actually visaed — the approver himself or his substitute (R11.4)."""

    approver: str
    last: bool = False
    substitute: str | None = None
    decision: str | None = None
    signed_by: str | None = None
    when: datetime | None = None
    reason: str | None = None

    @property
    def by_substitute(self):
        """Whether the substitute visaed on the approver's behalf (R11.4)."""
        return self.signed_by is not None and self.signed_by != self.approver


@dataclass(frozen=True)
class Round:
    """One round of agreement, read-only: `state` is OPEN, AGREED or RETURNED."""

    number: int  # 1 for the first round of the document
    state: str
    visas: tuple  # of Visa, in the approvers' order
    started: datetime | None = None
    started_by: str | None = None
    closed: datetime | None = None

    @property
    def approvers(self):
        return tuple(visa.approver for visa in self.visas)

    def visa(self, approver):
        """The visa of one approver, or None."""
        return next((visa for visa in self.visas if visa.approver == approver), None)


_VISA_FIELDS = tuple(Visa.__dataclass_fields__)


def _stamp(when):
    """A time to store: now by default; a naive time is Almaty's (R0.3). Stored in UTC, because
    the ZODB cannot pickle ZoneInfo time zones."""
    when = when or calendar.now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=calendar.ALMATY)
    return when.astimezone(timezone.utc)


def _local(when):
    """A stored time as Almaty time (R0.3)."""
    return when.astimezone(calendar.ALMATY) if when is not None else None


def _stored(document):
    """The stored rounds, or an empty tuple; never creates the annotation."""
    return IAnnotations(document).get(ANNOTATION_KEY, ())


def _visa(stored):
    fields = {name: stored.get(name) for name in _VISA_FIELDS}
    fields["when"] = _local(fields["when"])
    return Visa(**fields)


def _round(number, stored):
    return Round(
        number=number,
        state=stored["state"],
        visas=tuple(_visa(visa) for visa in stored["visas"]),
        started=_local(stored["started"]),
        started_by=stored["started_by"],
        closed=_local(stored["closed"]),
    )


def rounds(document):
    """Every round of agreement of the document, oldest first: the history."""
    return tuple(
        _round(number, stored) for number, stored in enumerate(_stored(document), 1)
    )


def current_round(document):
    """The latest round (open or closed), or None when the document was never sent for agreement."""
    stored = _stored(document)
    return _round(len(stored), stored[-1]) if stored else None


def _others_agreed(visas):
    return all(visa["decision"] == AGREED for visa in visas if not visa["last"])


def pending(document):
    """The visas still expected in the open round, in order; those marked `last` only once every
    other approver has agreed (R10.3). Empty when no round is open."""
    current = current_round(document)
    if current is None or current.state != OPEN:
        return ()
    others_agreed = all(
        visa.decision == AGREED for visa in current.visas if not visa.last
    )
    return tuple(
        visa
        for visa in current.visas
        if visa.decision is None and (others_agreed or not visa.last)
    )


def awaiting(document, userid):
    """Whether the user is expected to visa now, for himself or as a substitute (R11.4)."""
    return any(userid in (visa.approver, visa.substitute) for visa in pending(document))


def start_round(
    document, approvers, last=(), substitutes=None, started_by=None, when=None
):
    """Send the document for agreement by `approvers` (user ids, in order).

    `last`: approvers who visa only after all the others (the legal consultant, R10.3);
    `substitutes`: {approver: substitute} who may visa for an absent approver in this round (R11.4).
    Earlier rounds stay in the history. Returns the new Round.
    """
    approvers = list(approvers)
    last = set(last)
    substitutes = dict(substitutes or {})
    if not approvers:
        raise VisaError(_("Agreement needs at least one approver."))
    seen = set()
    for userid in approvers:
        if userid in seen:
            raise VisaError(
                _(
                    "${userid} is listed among the approvers more than once.",
                    mapping={"userid": userid},
                )
            )
        seen.add(userid)
    strangers = sorted(last - seen)
    if strangers:
        raise VisaError(
            _(
                "${userid} is to visa last but is not among the approvers.",
                mapping={"userid": strangers[0]},
            )
        )
    for approver, substitute in sorted(substitutes.items()):
        if approver not in seen:
            raise VisaError(
                _(
                    "${userid} has a substitute but is not among the approvers.",
                    mapping={"userid": approver},
                )
            )
        if not substitute or substitute == approver:
            raise VisaError(
                _(
                    "Name another person as the substitute of ${userid}.",
                    mapping={"userid": approver},
                )
            )
    current = current_round(document)
    if current is not None and current.state == OPEN:
        raise VisaError(_("The document is already out for agreement."))

    annotations = IAnnotations(document)
    if ANNOTATION_KEY not in annotations:
        annotations[ANNOTATION_KEY] = PersistentList()
    stored = annotations[ANNOTATION_KEY]
    stored.append(
        PersistentMapping(
            state=OPEN,
            started=_stamp(when),
            started_by=started_by,
            closed=None,
            visas=PersistentList(
                PersistentMapping(
                    approver=userid,
                    last=userid in last,
                    substitute=substitutes.get(userid),
                    decision=None,
                    signed_by=None,
                    when=None,
                    reason=None,
                )
                for userid in approvers
            ),
        )
    )
    return current_round(document)


def _visa_to_give(document, userid, on_behalf_of):
    """The stored round and the stored visa that `userid` gives now, or a VisaError."""
    stored = _stored(document)
    if not stored:
        raise VisaError(_("The document has not been sent for agreement."))
    current = stored[-1]
    if current["state"] != OPEN:
        raise VisaError(
            _("This round of agreement is closed; visas are no longer accepted.")
        )
    visas = current["visas"]

    if on_behalf_of is None and not any(v["approver"] == userid for v in visas):
        # not an approver himself: the approver he substitutes, when that is unambiguous
        candidates = [v for v in visas if v["substitute"] == userid]
        if len(candidates) > 1:
            raise VisaError(
                _(
                    "${userid} substitutes several approvers; say on whose behalf the visa is given.",
                    mapping={"userid": userid},
                )
            )
    else:  # his own visa, or the one he names
        approver = userid if on_behalf_of is None else on_behalf_of
        candidates = [
            v
            for v in visas
            if v["approver"] == approver and userid in (v["approver"], v["substitute"])
        ]
    if not candidates:
        raise VisaError(
            _(
                "${userid} is not an approver of this document.",
                mapping={"userid": userid},
            )
        )
    visa = candidates[0]
    if visa["decision"] is not None:
        raise VisaError(
            _(
                "The visa of ${approver} has already been given in this round.",
                mapping={"approver": visa["approver"]},
            )
        )
    if visa["last"] and not _others_agreed(visas):
        raise VisaError(
            _(
                "${approver} visas last, after all the other approvers have agreed.",
                mapping={"approver": visa["approver"]},
            )
        )
    return current, visa


def _sign(visa, decision, userid, when, reason=None):
    visa.update(decision=decision, signed_by=userid, when=_stamp(when), reason=reason)


def agree(document, userid, when=None, on_behalf_of=None):
    """`userid` agrees, as an approver or as the substitute of one (`on_behalf_of` says whose visa
    when he could give several). When every approver has agreed the round is "agreed".
    Returns the Round."""
    current, visa = _visa_to_give(document, userid, on_behalf_of)
    _sign(visa, AGREED, userid, when)
    if all(v["decision"] == AGREED for v in current["visas"]):
        current.update(state=AGREED, closed=visa["when"])
    return current_round(document)


def return_for_rework(document, userid, reason, when=None, on_behalf_of=None):
    """`userid` returns the document for rework with the reason (R10.4b); the round closes as
    "returned" and the caller sends the document back to its draft. Returns the Round."""
    current, visa = _visa_to_give(document, userid, on_behalf_of)
    reason = (reason or "").strip()
    if not reason:
        raise VisaError(_("Give the reason for returning the document for rework."))
    _sign(visa, RETURNED, userid, when, reason=reason)
    current.update(state=RETURNED, closed=visa["when"])
    return current_round(document)


def cancel_round(document, when=None):
    """Close the open round as returned without a visa: the document went back for rework by
    someone who is not an approver (R10.12), or was withdrawn. The history keeps the round."""
    stored = _stored(document)
    if not stored or stored[-1]["state"] != OPEN:
        return
    stored[-1]["state"] = RETURNED
    stored[-1]["closed"] = _stamp(when)


def expected_approvers(document):
    """Who is expected to visa now: approvers and their substitutes («awaiting my visa»)."""
    return [
        user
        for visa in pending(document)
        for user in (visa.approver, visa.substitute)
        if user
    ]
