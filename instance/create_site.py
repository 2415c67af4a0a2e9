"""Create the intranet site with its demo users unless it exists (`make start` runs this).

    bin/instance run instance/create_site.py [site_id]

The site comes from Plone's `classic` distribution (Classic UI), then akimat.policy's default
and demo profiles are applied. An existing site is left as it is, data and all.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.demo import DEMO_USERS
from plone.distribution.api import site as site_api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import sys
import transaction


PROFILES = ("profile-akimat.policy:default", "profile-akimat.policy:demo")


def main(app, site_id):
    if site_id in app.objectIds():
        print(f"Site '{site_id}' exists: using it.")
    else:
        create(app, site_id)
    print_logins(app[site_id])


def create(app, site_id):
    newSecurityManager(None, system)
    site = site_api.create(
        makerequest(app),
        "classic",
        {
            "site_id": site_id,
            "title": "Аппарат акима района Байдибек",
            "description": "Интранет аппарата акима района Байдибек",
            "default_language": "ru",
            "portal_timezone": "Asia/Almaty",
            "setup_content": False,
        },
    )
    setSite(site)
    for profile in PROFILES:
        site.portal_setup.runAllImportStepsFromProfile(profile)
    transaction.commit()
    print(f"Site '{site_id}' created with the demo organisation.")


def print_logins(site):
    """The demo logins that exist in the site, for the person who just ran `make start`."""
    users = [demo for demo in DEMO_USERS if site.acl_users.getUserById(demo.username)]
    print(f"\nhttp://localhost:8080/{site.getId()}")
    if users:
        print(f"Demo logins (password «{DEMO_PASSWORD}»):")
        for demo in users:
            print(f"  {demo.username:<14} {demo.fullname} — {', '.join(demo.groups)}")


# bin/instance run passes: interpreter -c <this script> [site_id]
main(app, sys.argv[3] if len(sys.argv) > 3 else "akimat")  # noqa: F821 (`app` comes from bin/instance run)
