"""What happens to an appeal between its states (RULES.md R13, R0.5).

Called by the workflow's event subscribers, so the rules hold however a person or an integrator
(plone.restapi's @workflow) acts. There is no transition that refuses an appeal (R13.5).
"""

from akimat.content import _
from akimat.content.appeals import history as appeal_history
from akimat.content.core import calendar as working_calendar
from akimat.content.core import numbering
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException


NUMBERING_KIND = "appeal"


def _refuse(message):
    raise WorkflowException(api.portal.translate(message))


def _today():
    return working_calendar.now().date()


def check_correction_request(appeal):
    """R13.7: the applicant is told which requirements are not met, and given a term."""
    if not appeal.missing_requirements:
        _refuse(_("Name the requirements of art. 63 the appeal does not meet."))
    if appeal.correction_term is None or appeal.correction_term <= _today():
        _refuse(_("Give the applicant a term for the correction, after today."))


def check_return(appeal):
    """R13.7: returned only when the term for the correction has passed."""
    if appeal.correction_term is not None and _today() <= appeal.correction_term:
        _refuse(
            _(
                "The applicant may correct the appeal until ${date}.",
                mapping={"date": appeal.correction_term.strftime("%d.%m.%Y")},
            )
        )


def check_passing_on(appeal):
    """R13.9, R13.11: name the competent body."""
    if not (appeal.passed_to or "").strip():
        _refuse(_("Name the competent body the appeal goes to."))


def check_forward(appeal):
    """R13.11: only a complaint about a lower body is forwarded to it."""
    if appeal.kind != "complaint":
        _refuse(_("Only a complaint is forwarded to the lower body concerned."))
    check_passing_on(appeal)


def check_answer(appeal):
    if not ((appeal.answer or "").strip() or appeal.answer_file):
        _refuse(_("Write the answer or attach it before sending it."))


def register(appeal):
    """R13.6: the next number of the year, dated the day of receipt or the next working day."""
    appeal.registration_date = appeal.registration_day()
    appeal.registration_number = numbering.next_number(
        NUMBERING_KIND, appeal.registration_date.year
    )
    appeal_history.mark_repeated(appeal)


def passed_on(appeal):
    appeal.passed_on = _today()


def answered(appeal):
    """R0.5: the moment of the answer decides the day it is dispatched. Stored as naive Almaty
    time, like `received_at`: the ZODB cannot pickle ZoneInfo time zones."""
    appeal.answered_at = working_calendar.now().replace(tzinfo=None)
