"""Benchmark of control (issue 3): N assignments, then the control list query, the «my
assignments» page and the XLSX export, timed and printed.

    make bench            # N = 10000
    make bench N=2000

Runs through the instance (`bin/instance run`) on a throw-away site «bench-control» that is
deleted at the end. Stop `make start` first (FileStorage allows one process).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from akimat.content import control_lists
from akimat.content import spreadsheets
from akimat.content.calendar import get_calendar
from akimat.content.calendar import now
from akimat.content.interfaces import IAkimatContentLayer
from datetime import timedelta
from plone import api
from plone.distribution.api import site as site_api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.interface import alsoProvides

import statistics
import sys
import time
import transaction


EXECUTORS = ("economy", "finance", "hr", "tursynbayev", "kim")
REPEAT = 5


def timed(label, function, repeat=REPEAT):
    """Run `function` `repeat` times; print the median and best wall time in milliseconds."""
    times = []
    for _round in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<46} median {statistics.median(times):9.1f} ms   best {min(times):9.1f} ms")
    return result


SITE_ID = "bench-control"


def build_site(app, count):
    newSecurityManager(None, system)
    drop_site(app)
    site = site_api.create(
        makerequest(app), "classic",
        {"site_id": SITE_ID, "title": "bench", "default_language": "ru",
         "portal_timezone": "Asia/Almaty", "setup_content": False},
    )
    setSite(site)
    site.portal_setup.runAllImportStepsFromProfile("profile-akimat.policy:default")
    site.portal_setup.runAllImportStepsFromProfile("profile-akimat.policy:demo")
    folder = site["assignments"]
    calendar, today = get_calendar(), now().date()
    start = time.perf_counter()
    for number in range(count):
        api.content.create(
            container=folder, type="Assignment", id=f"a{number}",
            title=f"Поручение № {number}: обеспечить исполнение мероприятий плана",
            source_kind="akimat-session", lead_executor=EXECUTORS[number % len(EXECUTORS)],
            controller="tulegenova", date_given=today - timedelta(days=60),
            deadline=calendar.deadline(today + timedelta(days=number % 120 - 40)),
        )
    print(f"{'created ' + str(count) + ' assignments':<46} {time.perf_counter() - start:9.1f} s")
    return site


def main(app, count):
    site = build_site(app, count)
    request = site.REQUEST
    alsoProvides(request, IAkimatContentLayer)
    calendar, today = get_calendar(), now().date()
    filters = control_lists.parse_filters({})
    overdue = control_lists.parse_filters({"state": "overdue"})
    with api.env.adopt_user(username="tulegenova"):  # the ОДК: sees every assignment
        brains = timed("control list: catalog query (all)", lambda: control_lists.find(filters, today, calendar))
        timed("control list: catalog query (overdue)", lambda: control_lists.find(overdue, today, calendar))
        rows = timed("control list: rows of all (9 columns)", lambda: control_lists.rows(brains, request, today, calendar))
        timed("control list: XLSX export of all", lambda: spreadsheets.control_list(rows, request), repeat=3)
    with api.env.adopt_user(username="tursynbayev"):
        view = site.restrictedTraverse("@@my-assignments")
        html = timed("«my assignments» page (render, 30 per page)", view)
    print(f"assignments listed: {len(brains)}; «my assignments» page: {len(html)} bytes")
    transaction.abort()
    drop_site(app)


def drop_site(app):
    """Site creation commits on its own: remove what an earlier or this run left."""
    if SITE_ID in app.objectIds():
        app.manage_delObjects([SITE_ID])
        transaction.commit()


# bin/instance run passes: interpreter -c <this script> [N]
main(app, int(sys.argv[3]) if len(sys.argv) > 3 else 10000)  # noqa: F821 (`app` comes from bin/instance run)
