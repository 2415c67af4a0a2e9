"""Send today's digests: one e-mail per person of what waits for him (issue 14, RULES.md R12.4c).

    bin/instance run instance/send_reminders.py [site_id] [--url PUBLIC_URL]

Run it once a day, by cron or a systemd timer (see the README); on a day off it sends nothing.
Each person whose «Ждёт моего действия» holds something overdue, due today or within 3 working
days (an assignment he executes or controls, a decision the leadership owes…) gets one e-mail
through the site's MailHost (Site setup → «Почта»). The links in the
mail start with PUBLIC_URL, the address people open the site at (default
http://localhost:8080/<site_id>, what `make start` serves). Exits non-zero when nothing could be
sent: no such site, mail not configured, or the SMTP server refused.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from akimat.content.reminders.digest import send_reminders
from smtplib import SMTPException
from Testing.makerequest import makerequest
from urllib.parse import urlsplit
from zope.component.hooks import setSite

import argparse
import sys
import transaction


def parse(argv):
    parser = argparse.ArgumentParser(
        prog="bin/instance run instance/send_reminders.py",
        description="Send today's digests of what waits for each person (R12.4c).",
    )
    parser.add_argument("site_id", nargs="?", default="akimat")
    parser.add_argument(
        "--url",
        help="the address people open the site at, for the links "
        "(default: http://localhost:8080/SITE_ID)",
    )
    return parser.parse_args(argv)


def main(app, argv):
    args = parse(argv)
    if args.site_id not in app.objectIds():
        print(f"No site '{args.site_id}' in this Zope instance.", file=sys.stderr)
        return 1
    newSecurityManager(None, system)
    app = makerequest(app)
    site = app[args.site_id]
    setSite(site)
    public_url(app.REQUEST, site, args.url or f"http://localhost:8080/{args.site_id}")
    try:
        summary = send_reminders()
    except ValueError as error:  # plone.api: the MailHost is not configured
        print(f"No reminders sent: {error}", file=sys.stderr)
        return 1
    except (OSError, SMTPException) as error:
        print(f"No reminders sent: the SMTP server refused ({error}).", file=sys.stderr)
        return 1
    finally:
        transaction.abort()  # the mail has gone out, or not; nothing is stored
    print(summary)
    return 0


def public_url(request, site, url):
    """Make brain.getURL() and absolute_url() give the address people open the site at,
    as a virtual host would (works for http://host:8080/akimat and https://intranet.example/)."""
    parts = urlsplit(url)
    request.setServerURL(parts.scheme, parts.hostname, parts.port)
    request["PARENTS"] = [site]
    request.setVirtualRoot(parts.path)


# bin/instance run passes: interpreter -c <this script> [site_id] [--url URL]
sys.exit(main(app, sys.argv[3:]))  # noqa: F821 (`app` comes from bin/instance run)
