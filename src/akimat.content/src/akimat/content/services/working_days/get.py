"""GET @working-days: the calendar service for integrators.

?date=2026-03-20&add=3           → the date 3 working days later ("result")
?date=2026-03-23                 → whether it is a working day, and if not, why
?start=2026-03-20&end=2026-03-30 → the working days after start up to end ("working_days")
"""

from akimat.content import _
from akimat.content.core.calendar import get_calendar
from akimat.content.core.parameters import BadParameter as BadRequest
from akimat.content.core.parameters import parse_date
from plone.restapi.services import Service
from zope.i18n import translate


MAX_ADD = 1000  # about four years of working days
MAX_SPAN_DAYS = 3660  # ten years


class WorkingDaysGet(Service):
    def reply(self):
        try:
            return self._answer(get_calendar())
        except BadRequest as error:
            self.request.response.setStatus(400)
            message = translate(error.args[0], context=self.request)
            return {"error": {"type": "BadRequest", "message": message}}

    def _answer(self, calendar):
        form = self.request.form
        if "start" in form or "end" in form:
            start, end = self._date("start"), self._date("end")
            if abs((end - start).days) > MAX_SPAN_DAYS:
                raise BadRequest(
                    _(
                        "The range may not exceed ${days} days.",
                        mapping={"days": MAX_SPAN_DAYS},
                    )
                )
            return {
                "@id": self._id(),
                "start": start.isoformat(),
                "end": end.isoformat(),
                "working_days": calendar.working_days_between(start, end),
            }
        day = self._date("date")
        answer = {"@id": self._id(), **self._status(calendar, day)}
        if "add" in form:
            count = self._count("add")
            answer["add"] = count
            answer["result"] = calendar.add_working_days(day, count).isoformat()
        return answer

    def _status(self, calendar, day):
        day_off = calendar.day_off(day)
        status = {"date": day.isoformat(), "working_day": day_off is None}
        if day_off is not None:
            status["reason"] = day_off.kind
            status["holidays"] = [
                translate(name, context=self.request) for name in day_off.names
            ]
        return status

    def _id(self):
        query = self.request.get("QUERY_STRING")
        url = f"{self.context.absolute_url()}/@working-days"
        return f"{url}?{query}" if query else url

    def _date(self, name):
        value = self.request.form.get(name)
        if not value:
            raise BadRequest(
                _("The parameter «${name}» is required.", mapping={"name": name})
            )
        return parse_date(name, value)

    def _count(self, name):
        value = self.request.form.get(name)
        try:
            count = int(str(value))
        except ValueError:
            count = None
        if count is None or not 0 <= count <= MAX_ADD:
            raise BadRequest(
                _(
                    "«${name}» must be a whole number of working days from 0 to ${max}.",
                    mapping={"name": name, "max": MAX_ADD},
                )
            )
        return count
