"""How the mails of the inbox write one entry: its title, its status in working days, what
exactly, its link. The daily digest and the immediate mail of urgent items say it alike."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.core.inbox import OVERDUE
from zope.i18n import translate


LANGUAGE = "ru"  # the site's default language: the mail is read by everybody in Russian


def translated(message):
    return translate(message, target_language=LANGUAGE)


def status(entry):
    """The deadline of an entry and the working days left, or past it."""
    due = entry.action.due
    if due is None:
        return _("No deadline")
    if entry.urgency == OVERDUE:
        return _(
            "Deadline ${date}: overdue, working days past it: ${days}",
            mapping={"date": format_date(due), "days": -entry.days_left},
        )
    if entry.days_left <= 0:
        return _("Deadline ${date}: today", mapping={"date": format_date(due)})
    return _(
        "Deadline ${date}: working days left: ${days}",
        mapping={"date": format_date(due), "days": entry.days_left},
    )


def entry_lines(number, entry):
    """The lines of one numbered entry, indented under its title."""
    action = entry.action
    mark = f" ({translated(_('marked urgent'))})" if action.urgent else ""
    lines = ["", f"{number}. {action.title}{mark}", "   " + translated(status(entry))]
    if action.note:
        lines.append("   " + translated(action.note))
    return [*lines, "   " + action.url]


def greeting(fullname):
    return translated(_("Hello, ${name}!", mapping={"name": fullname}))


def body(lines, why):
    """The text of a mail: its lines, then the signature saying why it was sent."""
    return "\n".join([*lines, "", "-- ", translated(why)]) + "\n"
