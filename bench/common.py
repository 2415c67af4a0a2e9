"""What the benchmarks share: a throw-away site with the demo organisation, and a timer.

The scripts run through `bin/instance run`, which executes them as text: they put this folder
on the path themselves. Stop `make start` first (FileStorage allows one process).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone.distribution.api import site as site_api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import statistics
import time
import transaction


REPEAT = 5


def run(function, repeat=REPEAT):
    """(the last result, the wall times in milliseconds) of `repeat` runs of `function`."""
    times = []
    for _round in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return result, times


def report(label, times):
    """Print the median, the 95th percentile (of 10 runs or more) and the best time."""
    p95 = (
        f"p95 {statistics.quantiles(times, n=20)[18]:9.1f} ms   "
        if len(times) >= 10
        else ""
    )
    print(
        f"{label:<46} median {statistics.median(times):9.1f} ms   {p95}"
        f"best {min(times):9.1f} ms"
    )


def timed(label, function, repeat=REPEAT):
    """Run `function` `repeat` times; print the median and best wall time in milliseconds."""
    result, times = run(function, repeat)
    report(label, times)
    return result


def build_site(app, site_id):
    """A new site `site_id` with akimat.policy and its demo, replacing one an earlier run left."""
    newSecurityManager(None, system)
    drop_site(app, site_id)
    site = site_api.create(
        makerequest(app),
        "classic",
        {
            "site_id": site_id,
            "title": "bench",
            "default_language": "ru",
            "portal_timezone": "Asia/Almaty",
            "setup_content": False,
        },
    )
    setSite(site)
    site.portal_setup.runAllImportStepsFromProfile("profile-akimat.policy:default")
    site.portal_setup.runAllImportStepsFromProfile("profile-akimat.policy:demo")
    return site


def drop_site(app, site_id):
    """Site creation commits on its own: remove what an earlier or this run left."""
    if site_id in app.objectIds():
        # The site goes whole: no events, so neither each object's uncataloguing nor the
        # freeze of registered documents (agreement/freeze.py) stands in the way.
        app._delObject(site_id, suppress_events=True)
        transaction.commit()
