"""Benchmark of control (issue 3): N assignments, then the control list query, the «my
assignments» page and the XLSX export, timed and printed; then the same control list, the
dashboard, the page and the JSON of one assignment stored with a deadline of 9999-12-31 (issue
12: a far date must cost no more than a near one).

    make bench            # N = 10000
    make bench N=2000

Runs through the instance (`bin/instance run`) on a throw-away site «bench-control» that is
deleted at the end. Stop `make start` first (FileStorage allows one process).
"""

from akimat.content.control import lists as control_lists
from akimat.content.control import workbooks
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.interfaces import IAkimatContentLayer
from datetime import date
from datetime import timedelta
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import sys
import time
import transaction


sys.path.insert(
    0, "bench"
)  # bin/instance run executes this file as text, from the repository root
import common  # noqa: E402


EXECUTORS = ("economy", "finance", "hr", "tursynbayev", "kim")
SITE_ID = "bench-control"
FAR = date(
    9999, 12, 31
)  # stored before dates were bounded: the deadline of an outside review


def build_site(app, count):
    site = common.build_site(app, SITE_ID)
    folder = site["assignments"]
    calendar, today = get_calendar(), now().date()
    start = time.perf_counter()
    for number in range(count):
        api.content.create(
            container=folder,
            type="Assignment",
            id=f"a{number}",
            title=f"Поручение № {number}: обеспечить исполнение мероприятий плана",
            source_kind="akimat-session",
            lead_executor=EXECUTORS[number % len(EXECUTORS)],
            controller="tulegenova",
            date_given=today - timedelta(days=60),
            deadline=calendar.deadline(today + timedelta(days=number % 120 - 40)),
        )
    print(
        f"{'created ' + str(count) + ' assignments':<46} {time.perf_counter() - start:9.1f} s"
    )
    return site


def main(app, count):
    site = build_site(app, count)
    request = site.REQUEST
    alsoProvides(request, IAkimatContentLayer)
    calendar, today = get_calendar(), now().date()
    filters = control_lists.parse_filters({})
    overdue = control_lists.parse_filters({"state": "overdue"})
    with api.env.adopt_user(username="tulegenova"):  # the ОДК: sees every assignment
        brains = common.timed(
            "control list: catalog query (all)",
            lambda: control_lists.find(filters, today, calendar),
        )
        common.timed(
            "control list: catalog query (overdue)",
            lambda: control_lists.find(overdue, today, calendar),
        )
        rows = common.timed(
            "control list: rows of all (9 columns)",
            lambda: control_lists.rows(brains, request, today, calendar),
        )
        common.timed(
            "control list: XLSX export of all",
            lambda: workbooks.control_list(rows, request),
            repeat=3,
        )
    with api.env.adopt_user(username="tursynbayev"):
        view = site.restrictedTraverse("@@my-assignments")
        html = common.timed("«my assignments» page (render, 30 per page)", view)
    print(
        f"assignments listed: {len(brains)}; «my assignments» page: {len(html)} bytes"
    )
    far_dated(site, request, filters, today, calendar)
    transaction.abort()
    common.drop_site(app, SITE_ID)


def far_dated(site, request, filters, today, calendar):
    """One more assignment, its deadline set past any bound, as an old database may hold it."""
    far = api.content.create(
        container=site["assignments"],
        type="Assignment",
        id="far",
        title="Поручение с дальним сроком",
        source_kind="akimat-session",
        lead_executor="tursynbayev",
        controller="tulegenova",
        date_given=today,
        deadline=FAR,
    )  # indexed by the first query below, which the first round of the control list times
    with api.env.adopt_user(username="tulegenova"):
        common.timed(
            "control list with it: query and rows of all",
            lambda: control_lists.rows(
                control_lists.find(filters, today, calendar), request, today, calendar
            ),
            repeat=3,
        )
        common.timed(
            "control dashboard with it (render)",
            site.restrictedTraverse("@@control-dashboard"),
            repeat=3,
        )
        common.timed("its page (render)", far.restrictedTraverse("@@view"), repeat=3)
        common.timed(
            "its JSON (REST GET)",
            getMultiAdapter((far, request), ISerializeToJson),
            repeat=3,
        )


# bin/instance run passes: interpreter -c <this script> [N]
main(app, int(sys.argv[3]) if len(sys.argv) > 3 else 10000)  # noqa: F821 (`app` comes from bin/instance run)
