"""POST @send-reminders: today's deadline reminders (R12.4c), triggered by a timer over HTTP.

With the embedded FileStorage a second process cannot open the database while the site is
served, so a cron job or systemd timer calls this endpoint instead of `bin/instance run`.
"""

from akimat.content.reminders import send_reminders
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class SendReminders(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        summary = send_reminders()
        return {
            "persons": summary.persons,
            "assignments": summary.assignments,
            "skipped": list(summary.skipped),
            "day_off": summary.day_off,
            "message": str(summary),
        }
