"""Benchmark of «Ждёт моего действия» (issue 14): the inbox of the busiest person over N
assignments and N/5 acts, the target under 100 ms; then the daily digest of that person and the
urgent-mail hook of one change.

    make bench-inbox            # N = 10000 assignments, 2000 acts
    make bench-inbox N=2000

The demo's head of the economy department, `yessenova`, is the busiest: her department and she
herself execute a third of the assignments, she controls a tenth, and the acts are her
department's, in draft, legal review and agreement. Runs through the instance (`bin/instance
run`) on a throw-away site «bench-inbox» that is deleted at the end. Stop `make start` first
(FileStorage allows one process). When the inbox is over its target, cProfile tells where the
time goes.
"""

from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.inbox import inbox
from akimat.content.core.inbox import providers
from akimat.content.reminders.digest import collect_digests
from akimat.content.reminders.urgent import urgent_mails
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue

import cProfile
import pstats
import statistics
import sys
import time
import transaction


sys.path.insert(0, "bench")  # bin/instance run executes this file as text
import common  # noqa: E402


SITE_ID = "bench-inbox"
BUSIEST = "yessenova"
TARGET_MS = 100
RUNS = 20
# Executors in turn: her department and herself a third of the time.
EXECUTORS = ("economy", "finance", "hr", BUSIEST, "kim", "musina")
CONTROLLERS = ("tulegenova",) * 9 + (BUSIEST,)
# Acts: half in draft, the rest in legal review or out for visas.
ACT_STATES = ((), ("submit",), (), ("submit", "approve_legally"))


def build(site, count):
    calendar, today = get_calendar(), now().date()
    start = time.perf_counter()
    for number in range(count):
        assignment = api.content.create(
            container=site["assignments"],
            type="Assignment",
            id=f"a{number}",
            title=f"Поручение № {number}: обеспечить исполнение мероприятий плана",
            source_kind="akimat-session",
            lead_executor=EXECUTORS[number % len(EXECUTORS)],
            controller=CONTROLLERS[number % len(CONTROLLERS)],
            date_given=today - timedelta(days=60),
            deadline=calendar.deadline(today + timedelta(days=number % 120 - 40)),
            urgency="urgent" if number % 25 == 0 else None,
        )
        if number % 40 == 1 and assignment.deadline > today + timedelta(days=7):
            assignment.request_extension(
                "yessenova",
                assignment.deadline + timedelta(days=30),
                "Поставка",
                today,
            )
            assignment.reindexObject()
        if number % 500 == 499:
            transaction.commit()  # in batches, as people add them: the hook runs too
    print(
        f"{'created ' + str(count) + ' assignments':<46} {time.perf_counter() - start:9.1f} s"
    )
    start = time.perf_counter()
    workflow = api.portal.get_tool("portal_workflow")
    for number in range(count // 5):
        act = api.content.create(
            container=site["acts"],
            type="Act",
            id=f"act{number}",
            title=f"Об утверждении плана мероприятий № {number}",
            kind="decision",
            text_ru=RichTextValue("<p>Текст.</p>", "text/html", "text/x-html-safe"),
            developer_department="economy",
            executor_name="Турсынбаев Е. А.",
            executor_phone="8 (72548) 2-15-40",
        )
        for transition in ACT_STATES[number % len(ACT_STATES)]:
            workflow.doActionFor(act, transition, comment="")
        if number % 500 == 499:
            transaction.commit()
    transaction.commit()
    print(
        f"{'created ' + str(count // 5) + ' acts':<46} {time.perf_counter() - start:9.1f} s"
    )


def main(app, count):
    site = common.build_site(app, SITE_ID)
    with api.env.adopt_roles(["Manager"]):
        build(site, count)
    calendar, today = get_calendar(), now().date()
    user = api.user.get(userid=BUSIEST)
    print(f"providers: {', '.join(type(p).__name__ for p in providers())}")
    mine, times = common.run(lambda: inbox(user, today, calendar), RUNS)
    common.report(f"inbox of {BUSIEST} (all providers)", times)
    print(f"  entries: {len(mine)}; by urgency: {mine.counts()}")
    verdict = "within" if statistics.median(times) <= TARGET_MS else "over"
    print(f"{verdict} the target of {TARGET_MS} ms (median); where the time goes:")
    profile = cProfile.Profile()
    profile.runcall(inbox, user, today, calendar)
    pstats.Stats(profile).sort_stats("tottime").print_stats(12)
    common.timed(
        f"digest of everybody ({len(api.user.get_users())} users)",
        lambda: collect_digests(today, calendar),
        repeat=3,
    )
    urgent = api.content.create(
        container=site["assignments"],
        type="Assignment",
        title="Срочное поручение отделу экономики",
        source_kind="akimat-session",
        lead_executor="economy",
        controller="tulegenova",
        date_given=today,
        deadline=calendar.deadline(today + timedelta(days=20)),
        urgency="urgent",
    )
    mails = common.timed(
        "urgent-mail hook of one urgent assignment",
        lambda: urgent_mails({urgent.UID()}, today),
        repeat=1,  # it remembers what it mailed: a second round mails nothing
    )
    print(f"  mails: {len(mails)} ({', '.join(mail[0] for mail in mails)})")
    transaction.abort()
    common.drop_site(app, SITE_ID)


# bin/instance run passes: interpreter -c <this script> [N]
main(app, int(sys.argv[3]) if len(sys.argv) > 3 else 10000)  # noqa: F821 (`app` comes from bin/instance run)
