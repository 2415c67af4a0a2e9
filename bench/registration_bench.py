"""Benchmark of registration under load (issue 12): CLIENTS concurrent clients × PER_CLIENT
appeals created and registered over real HTTP; prints registrations per second, the answers
that were not 2xx, and whether the numbers are gapless and unique.

    make bench-registration                   # 8 clients × 50
    make bench-registration CLIENTS=4 PER=20

Runs through the instance (`bin/instance run`): a throw-away site «bench-registration» with the
demo organisation, served by waitress with the instance's 4 threads and Zope's retries on
conflicts, as `make start` serves; the client is a separate process (registration_client.py).
Stop `make start` first (FileStorage allows one process).
"""

from collections import Counter
from waitress.server import create_server
from ZPublisher.WSGIPublisher import publish_module

import json
import os
import subprocess
import sys
import threading
import transaction


sys.path.insert(
    0, "bench"
)  # bin/instance run executes this file as text, from the repository root
import common  # noqa: E402


SITE_ID = "bench-registration"
THREADS = (
    4  # as the instance's waitress (instance/instance.cfg, plone.recipe.zope2instance)
)


def run(app, clients, per_client):
    site = common.build_site(app, SITE_ID)
    transaction.commit()
    server = create_server(publish_module, host="127.0.0.1", port=0, threads=THREADS)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/{SITE_ID}"
    output = subprocess.run(
        [
            sys.executable,
            "bench/registration_client.py",
            url,
            "kim",
            "akimat-demo",
            str(clients),
            str(per_client),
        ],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
    ).stdout
    server.close()
    result = json.loads(output.splitlines()[-1])
    transaction.begin()  # what the server committed
    catalog = site.portal_catalog
    numbers = sorted(
        brain.getObject().registration_number
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Appeal", review_state="registered", Title="дороги"
        )
    )
    registered = result["statuses"].count(200)
    failures = Counter(status for status in result["statuses"] if status >= 300)
    print(
        f"{clients} clients × {per_client} registrations over HTTP, {THREADS} server threads"
    )
    print(
        f"  registrations per second   {registered / result['seconds']:8.2f}  ({registered} in {result['seconds']:.1f} s)"
    )
    print(f"  answers not 2xx            {dict(failures) or 'none'}")
    print(f"  numbers unique             {len(numbers) == len(set(numbers))}")
    print(
        f"  numbers gapless            {numbers == list(range(numbers[0], numbers[0] + len(numbers)))}"
        f"  (№ {numbers[0]}…{numbers[-1]})"
    )
    common.drop_site(app, SITE_ID)


run(app, int(os.environ.get("CLIENTS", 8)), int(os.environ.get("PER", 50)))  # noqa: F821 (bin/instance run)
