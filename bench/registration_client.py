"""Load client of the registration benchmark: CLIENTS threads, each creating and registering
PER_CLIENT appeals over REST as the e-appeals integration does. Standard library only; prints
one JSON line: statuses, elapsed seconds.

    python3 bench/registration_client.py URL LOGIN PASSWORD CLIENTS PER_CLIENT
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from urllib.error import HTTPError
from urllib.request import Request
from urllib.request import urlopen

import base64
import json
import sys
import time


# Received an hour ago: a time of receipt is never in the future.
RECEIVED_AT = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")


def post(url, auth, body=None):
    request = Request(
        url,
        data=json.dumps(body or {}).encode(),
        method="POST",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": auth,
        },
    )
    try:
        with urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read() or b"{}")
    except HTTPError as error:
        return error.code, {}


def client(site, auth, number, count):
    statuses = []
    for index in range(count):
        status, created = post(
            f"{site}/appeals",
            auth,
            {
                "@type": "Appeal",
                "kind": "appeal",
                "title": f"О ремонте дороги {number}-{index}",
                "substance": "Прошу отремонтировать дорогу.",
                "channel": "e-appeals",
                "received_at": RECEIVED_AT,
                "applicant_name": f"Заявитель {number}-{index}",
            },
        )
        statuses.append(status)
        if status == 201:
            statuses.append(post(f"{created['@id']}/@workflow/register", auth)[0])
    return statuses


def main(site, login, password, clients, per_client):
    auth = "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = pool.map(lambda n: client(site, auth, n, per_client), range(clients))
        statuses = [status for result in results for status in result]
    print(json.dumps({"statuses": statuses, "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
