"""Benchmark of meetings and protocols (issue 5): N meetings over the years, then the hall check,
the calendar, the upcoming meetings and the Monday report, timed and printed.

    make bench-meetings            # N = 3000 (about six years of a district's meetings)
    make bench-meetings N=500

Runs through the instance (`bin/instance run`) on a throw-away site «bench-meetings» that is
deleted at the end. Stop `make start` first (FileStorage allows one process).
"""

from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.interfaces import IAkimatContentLayer
from akimat.content.meetings import protocol_reports
from akimat.content.meetings.meeting import overlapping_meeting
from akimat.content.meetings.vocabularies import MEETING_KINDS
from datetime import datetime
from datetime import time as day_time
from datetime import timedelta
from plone import api
from zope.interface import alsoProvides

import sys
import time
import transaction


sys.path.insert(
    0, "bench"
)  # bin/instance run executes this file as text, from the repository root
import common  # noqa: E402


SITE_ID = "bench-meetings"
HALLS = ("Зал заседаний акимата", "Малый зал", "Зал видеоконференций")
KINDS = [term.value for term in MEETING_KINDS]
PER_DAY = 3  # meetings a working day, one per hall


def build_site(app, count):
    """`count` meetings, three a working day back from two weeks ahead, half of the past ones
    held (without a protocol, so the Monday report lists them), in a catalog of realistic size."""
    site = common.build_site(app, SITE_ID)
    folder, workflow, calendar = site["meetings"], site.portal_workflow, get_calendar()
    day, started, created = now().date() + timedelta(days=14), time.perf_counter(), 0
    while created < count:
        day -= timedelta(days=1)
        if not calendar.is_working_day(day):
            continue
        for slot in range(min(PER_DAY, count - created)):
            start = datetime.combine(day, day_time(9 + 3 * slot))
            meeting = api.content.create(
                container=folder,
                type="Meeting",
                id=f"m{created}",
                title=f"Совещание № {created}",
                kind=KINDS[created % len(KINDS)],
                start=start,
                end=start + timedelta(hours=2),
                hall=HALLS[slot],
                chair="seitzhanov",
                secretary="nurzhanova",
            )
            if day < now().date() and created % 2 == 0:
                for transition in ("approve_agenda", "hold"):
                    workflow.doActionFor(meeting, transition)
            created += 1
    print(
        f"{'created ' + str(count) + ' meetings':<46} {time.perf_counter() - started:9.1f} s"
    )
    return site


def main(app, count):
    site = build_site(app, count)
    request = site.REQUEST
    alsoProvides(request, IAkimatContentLayer)
    today = now().date()
    busy = datetime.combine(today - timedelta(days=7), day_time(9))
    with api.env.adopt_user(username="bekmuratov"):  # the Orgotdel books the halls
        common.timed(
            "hall check of a new booking (R2.4)",
            lambda: overlapping_meeting(
                site, HALLS[0], busy, busy + timedelta(hours=1)
            ),
        )
    with api.env.adopt_user(username="tursynbayev"):
        for mode in ("week", "month"):
            request.form.update({"mode": mode, "date": today.isoformat()})
            view = site.restrictedTraverse("@@meetings-calendar")
            common.timed(f"meetings calendar, {mode} (render)", view)
        request.form.clear()
        common.timed(
            "upcoming meetings (front page block query)",
            lambda: site.restrictedTraverse("@@upcoming-meetings").brains(),
        )
    with api.env.adopt_user(username="tulegenova"):
        first, last = protocol_reports.week_before(today)
        rows = common.timed(
            "Monday report rows (R8.6)",
            lambda: protocol_reports.week_rows(first, last, today, get_calendar()),
        )
    print(f"Monday report: {len(rows)} meetings of the week before")
    transaction.abort()
    common.drop_site(app, SITE_ID)


# bin/instance run passes: interpreter -c <this script> [N]
main(app, int(sys.argv[3]) if len(sys.argv) > 3 else 3000)  # noqa: F821 (`app` comes from bin/instance run)
