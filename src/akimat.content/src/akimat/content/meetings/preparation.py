"""The preparation timetable of a meeting: what is due when, and who answers for it (R5, R8.5d).

Each kind of meeting has its own steps, counted in working days from the meeting's day by the
calendar service (R0): akimat session R5.6–R5.11, apparatus meeting R5.23–R5.34, meeting after a
Government session R5.14–R5.19, operational meeting R5.36–R5.46, commission R5.49–R5.54. A
meeting in a hall of the apparatus is also announced and its participants listed (R5.57, calendar
days). `responsible` names a group setting of IMeetingSettings, or DEPARTMENTS: the responsible
departments of the agenda items.
"""

from akimat.content import _
from dataclasses import dataclass
from datetime import date
from datetime import timedelta


DEPARTMENTS = "departments"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    offset: int  # working days after the meeting's day; negative before it
    responsible: str
    rule: str  # the Регламент's clause, shown beside the step
    calendar_days: bool = False


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    due: date
    responsible: str
    rule: str
    done_by: str | None = None
    done_on: date | None = None
    days_late: int = 0  # working days past due: when done, or until today when not done

    @property
    def done(self):
        return self.done_on is not None

    @property
    def late(self):
        return self.days_late > 0


PROTOCOL_BY_ODK = Rule("protocol", _("Protocol drawn up"), 1, "control_group", "R8.5d")
PROTOCOL_BY_DEPARTMENT = Rule(
    "protocol", _("Protocol drawn up"), 1, DEPARTMENTS, "R8.5d"
)

RULES = {
    "akimat-session": (
        Rule(
            "materials",
            _("Materials in Kazakh and Russian reach the Orgotdel"),
            -5,
            DEPARTMENTS,
            "R5.6",
        ),
        Rule(
            "package",
            _("Package handed to the head of apparatus"),
            -1,
            "orgotdel_group",
            "R5.8",
        ),
        Rule(
            "handouts",
            _("Handouts for the akim, the deputies and the members"),
            -1,
            "orgotdel_group",
            "R5.8",
        ),
        PROTOCOL_BY_ODK,
    ),
    "apparatus-meeting": (
        Rule(
            "agenda", _("Agenda sent to the participants"), -4, "summary_group", "R5.24"
        ),
        Rule(
            "materials",
            _("Materials reach the Сводный отдел"),
            -2,
            DEPARTMENTS,
            "R5.25",
        ),
        Rule(
            "proceedings",
            _("Order of proceedings prepared, invitees notified"),
            -1,
            "summary_group",
            "R5.29",
        ),
        PROTOCOL_BY_ODK,
    ),
    "government-session": (
        Rule(
            "materials",
            _("Materials reach the Сводный отдел"),
            -2,
            DEPARTMENTS,
            "R5.15",
        ),
        Rule(
            "package",
            _("Package handed to the head of apparatus"),
            -1,
            "summary_group",
            "R5.16",
        ),
        Rule("protocol", _("Protocol drawn up"), 1, "summary_group", "R5.19"),
    ),
    "operational-meeting": (
        Rule(
            "agenda", _("Agenda sent after its approval"), 0, "orgotdel_group", "R5.37"
        ),
        PROTOCOL_BY_DEPARTMENT,
    ),
    "commission": (
        Rule("agenda", _("Agenda approved by the akim"), 0, DEPARTMENTS, "R5.50"),
        PROTOCOL_BY_DEPARTMENT,
    ),
    "field-meeting": (PROTOCOL_BY_DEPARTMENT,),
}

HALL_RULES = (
    Rule(
        "hall",
        _("Meeting announced to the Orgotdel"),
        -2,
        "orgotdel_group",
        "R5.57",
        calendar_days=True,
    ),
    Rule(
        "passes",
        _("Participants list sent to the pass office"),
        -1,
        "orgotdel_group",
        "R5.57",
        calendar_days=True,
    ),
)


def _due(rule, meeting_day, calendar):
    if rule.calendar_days:
        return meeting_day + timedelta(days=rule.offset)
    if rule.offset < 0:
        return calendar.working_days_before(meeting_day, -rule.offset)
    return calendar.add_working_days(meeting_day, rule.offset)


def rules(kind, in_hall):
    """The rules of a kind of meeting; those of R5.57 only for a meeting in a hall."""
    return RULES.get(kind, ()) + (HALL_RULES if in_hall else ())


def timetable(kind, meeting_day, in_hall, done, today, calendar):
    """The steps of the meeting in due order. `done` maps a step id to (userid, date done)."""
    steps = []
    for rule in rules(kind, in_hall):
        due = _due(rule, meeting_day, calendar)
        done_by, done_on = done.get(rule.id, (None, None))
        finished = done_on if done_on is not None else today
        steps.append(
            Step(
                id=rule.id,
                title=rule.title,
                due=due,
                responsible=rule.responsible,
                rule=rule.rule,
                done_by=done_by,
                done_on=done_on,
                days_late=max(0, calendar.working_days_between(due, finished))
                if finished > due
                else 0,
            )
        )
    return sorted(steps, key=lambda step: step.due)
