"""Plone's dates and times on pages in Almaty time (R0.3), whatever the server's clock zone.

Plone writes a DateTime (a document's «modified», its history, listings) in the zone it was
stored in: the zone of the process that stored it, UTC on a server or in the tests. Our own pages
write Almaty time, so one page showed both. `ulocalized_time` of the translation service, behind
`@@plone/toLocalizedTime` and the viewlets, now converts to Almaty first (patches.zcml).
"""

from akimat.content.core.calendar import ALMATY
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from Products.CMFPlone.TranslationServiceTool import TranslationServiceTool


_original = TranslationServiceTool.ulocalized_time


def in_almaty(time):
    """`time` (a DateTime or its text) as a DateTime in Almaty; anything else unchanged."""
    if not time:
        return time
    try:
        return DateTime(time).toZone(ALMATY.key)
    except (DateTimeError, SyntaxError, TypeError, ValueError):
        return time


def ulocalized_time(self, time, *args, **kwargs):
    return _original(self, in_almaty(time), *args, **kwargs)
