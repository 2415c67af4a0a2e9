"""POST @send-reminders: today's digests of what waits for each person (R12.4c), triggered by a
timer over HTTP. It answers how many persons were mailed, how many actions on how many documents,
who was skipped for want of an e-mail address, and whether today is a day off.

With the embedded FileStorage a second process cannot open the database while the site is
served, so a cron job or systemd timer calls this endpoint instead of `bin/instance run`.
"""

from akimat.content import _
from akimat.content.reminders.digest import send_reminders
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from smtplib import SMTPException
from zope.i18n import translate
from zope.interface import alsoProvides


class SendReminders(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            summary = send_reminders()
        except (
            ValueError,
            OSError,
            SMTPException,
        ) as error:  # not configured, or server down
            self.request.response.setStatus(503)
            message = translate(
                _(
                    "No reminders sent: the mail server cannot be reached (${error}).",
                    mapping={"error": str(error)},
                ),
                context=self.request,
            )
            return {"error": {"type": "MailServerUnavailable", "message": message}}
        return {
            "persons": summary.persons,
            "actions": summary.actions,
            "documents": summary.documents,
            "skipped": list(summary.skipped),
            "day_off": summary.day_off,
            "message": str(summary),
        }
