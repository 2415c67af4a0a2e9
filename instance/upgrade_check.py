"""The upgrade check, at this checkout, on a copy of a site an earlier release created
(`make upgrade-check` runs it through instance/upgrade_check.sh):

    <bin/instance with the copy's zope.conf> run instance/upgrade_check.py [site_id]

Runs the pending upgrade steps of our profiles, then proves the demo content works: every
stored dotted name resolves, every object of our types loads with its class at its new place,
the type definitions and the catalog name the new modules, pages open and list, an edit and
workflow transitions go through the publisher, and registration numbers go on from the stored
counters. Exits 1 naming each failure.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_base
from akimat.content.acts.act import IAct
from akimat.content.agreement import visas
from akimat.content.appeals import life_cycle as appeal_life_cycle
from akimat.content.appeals.appeal import IAppeal
from akimat.content.control.assignment import IAssignment
from akimat.content.core import calendar
from akimat.content.core import numbering
from akimat.content.old_names import MOVED
from akimat.content.old_names import OLD_PACKAGE
from akimat.policy.demo import DEMO_PASSWORD
from base64 import b64encode
from plone import api
from webtest import TestApp
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
from ZPublisher.httpexceptions import HTTPExceptionHandler
from ZPublisher.WSGIPublisher import publish_module

import importlib
import io
import pickletools
import sys
import transaction


PROFILES = ("akimat.content:default", "akimat.policy:default")
OLD_PREFIXES = (f"{OLD_PACKAGE}.", *(f"{old}." for old in MOVED))
failures = []


def check(condition, message):
    print(f"  {'ok  ' if condition else 'FAIL'} {message}")
    if not condition:
        failures.append(message)
    return condition


def main(app, site_id):
    site = app[site_id]
    setSite(site)
    newSecurityManager(None, system)
    print(f"Stored names in {site_id}'s database:")
    check_stored_names(app._p_jar.db().storage)
    print("Upgrade steps:")
    try:
        upgrade(site)
    except Exception as error:  # the check's answer is the message, not a traceback
        check(False, f"the upgrade steps run: {error!r}")
        report()
    transaction.commit()
    print("Content, types and catalog:")
    check_no_old_names_in_text(app._p_jar.db().storage)
    check_content(site)
    check_catalog(site)
    check_stored_state(site)
    print("Through the publisher, as the demo users:")
    Publisher(site).check()
    report()


def report():
    if failures:
        print(
            f"\nUpgrade check FAILED ({len(failures)}):",
            *failures,
            sep="\n  - ",
            file=sys.stderr,
        )
        sys.exit(1)


def check_stored_names(storage):
    """Every class and global that a stored record names (pickle GLOBAL opcodes) is importable
    here — what `old_names` must keep for what the ZODB stores by name."""
    names = set()
    for record in _current_records(storage):
        names.update(
            argument.replace(" ", ".")  # "module name"
            for opcode, argument in _opcodes(record)
            if opcode == "GLOBAL"
        )
    missing = sorted(name for name in names if not _resolves(name))
    check(
        not missing,
        f"the {len(names)} dotted names in the database resolve"
        + (f"; not: {', '.join(missing)}" if missing else ""),
    )


def check_no_old_names_in_text(storage):
    """After the upgrade, no stored text (a type definition, an index, a query, a record) still
    names a class or interface at its place before the domain layout."""
    found = set()
    for record in _current_records(storage):
        found.update(
            argument
            for opcode, argument in _opcodes(record)
            if opcode != "GLOBAL"  # a class: objects take its new name when saved again
            and isinstance(argument, str)
            and argument.startswith(OLD_PREFIXES)
        )
    check(
        not found,
        "no stored text names a module of before the domain layout"
        + (f"; still: {', '.join(sorted(found))}" if found else ""),
    )


def _current_records(storage):
    """The latest data of every object in the storage."""
    latest = {}
    for txn in storage.iterator():
        for record in txn:
            latest[record.oid] = record.data
    return [data for data in latest.values() if data]


def _opcodes(data):
    """(opcode name, argument) of a ZODB record: its class pickle, then its state pickle."""
    stream = io.BytesIO(data)
    while stream.tell() < len(data):
        for opcode, argument, _position in pickletools.genops(stream):
            yield opcode.name, argument


def _resolves(dotted):
    module, _, name = dotted.rpartition(".")
    try:
        return hasattr(importlib.import_module(module), name)
    except ImportError:
        return False


def upgrade(site):
    setup = site.portal_setup
    for profile in PROFILES:
        before = setup.getLastVersionForProfile(profile)
        setup.upgradeProfile(profile)
        after = setup.getLastVersionForProfile(profile)
        check(
            after == (setup.getVersionForProfile(profile),)
            and not setup.listUpgrades(profile),
            f"{profile}: {'.'.join(before)} → {'.'.join(after)}, nothing pending",
        )


def our_types(site):
    return {
        fti.getId(): fti
        for fti in site.portal_types.listTypeInfo()
        if getattr(fti, "klass", "").startswith("akimat.content.")
    }


def check_content(site):
    types = our_types(site)
    old_ftis = [
        name
        for name, fti in types.items()
        if fti.klass.startswith(OLD_PREFIXES)
        or (fti.schema or "").startswith(OLD_PREFIXES)
    ]
    check(
        not old_ftis,
        f"the {len(types)} types of akimat.content name their new klass and schema"
        + (f"; not: {', '.join(old_ftis)}" if old_ftis else ""),
    )
    wrong, counted = [], 0
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type=list(types)):
        obj = brain._unrestrictedGetObject()
        cls = type(aq_base(obj))
        counted += 1
        if (
            f"{cls.__module__}.{cls.__name__}" != types[brain.portal_type].klass
            or obj.title != brain.Title
        ):
            wrong.append(brain.getPath())
    check(
        counted and not wrong,
        f"the {counted} objects of those types load, as their type's class, with the catalog's title"
        + (f"; not: {', '.join(wrong[:10])}" if wrong else ""),
    )


def check_catalog(site):
    catalog = site.portal_catalog
    for interface, portal_type in (
        (IAssignment, "Assignment"),
        (IAct, "Act"),
        (IAppeal, "Appeal"),
    ):
        found = len(
            catalog.unrestrictedSearchResults(object_provides=interface.__identifier__)
        )
        of_type = len(catalog.unrestrictedSearchResults(portal_type=portal_type))
        check(
            found and found == of_type,
            f"object_provides={interface.__identifier__}: {found} of {of_type}",
        )
    old = [
        name
        for name in catalog._catalog.getIndex("object_provides").uniqueValues()
        if name.startswith(OLD_PREFIXES)
    ]
    check(
        not old,
        "object_provides names no interface at its old place"
        + (f"; still: {', '.join(old)}" if old else ""),
    )


def check_stored_state(site):
    """What our code keeps in annotations under fixed keys: counters, visas, preparation marks."""
    year = calendar.now().year
    registered = [
        brain.registration_number
        for brain in site.portal_catalog.unrestrictedSearchResults(
            portal_type="Appeal", registration_year=year
        )
    ]
    check(
        registered
        and numbering.current_number(appeal_life_cycle.NUMBERING_KIND, year)
        == max(registered),
        f"the counter of appeals of {year} stands at the last number given ({max(registered, default=0)})",
    )
    check(
        visas.rounds(site.acts.registered),
        "the registered act's rounds of visas are there",
    )
    meetings = site.portal_catalog.unrestrictedSearchResults(portal_type="Meeting")
    check(
        any(brain._unrestrictedGetObject().done_steps() for brain in meetings),
        "the meetings' ticked preparation steps are there",
    )


class Publisher:
    """Requests through Zope's publisher on the same database, as the demo users send them."""

    def __init__(self, site):
        self.site, self.path = site, "/" + site.getId()
        self.browser = TestApp(
            HTTPExceptionHandler(publish_module),
            extra_environ={"HTTP_HOST": "localhost:8080"},
        )

    def request(self, method, path, login, json=None):
        transaction.commit()  # the publisher opens its own connection and transaction
        request = getRequest()
        auth = b64encode(f"{login}:{DEMO_PASSWORD}".encode()).decode()
        headers = {"Authorization": f"Basic {auth}"}
        url = self.path + path
        if method == "GET":  # a page
            response = self.browser.get(url, headers=headers, expect_errors=True)
        else:  # REST
            send = getattr(self.browser, f"{method.lower()}_json")
            headers["Accept"] = "application/json"
            response = send(url, json or {}, headers=headers, expect_errors=True)
        transaction.begin()  # see what the request committed
        setRequest(request)
        setSite(self.site)
        return response

    def page(self, path, login, shows):
        response = self.request("GET", path, login)
        check(
            response.status_int == 200 and shows in response.text,
            f"{login} opens {path}: {response.status}, shows «{shows}»",
        )

    def check(self):
        site = self.site
        assignment = site.assignments["assignment-3"]
        self.page("/", "tulegenova", site.assignments.title)
        self.page("/@@control-list", "tulegenova", assignment.title)
        self.page("/assignments/assignment-3", "tulegenova", assignment.title)
        self.page("/@@acts", "tursynbayev", site.acts.registered.title)
        self.page("/acts/registered", "tursynbayev", site.acts.registered.title)
        self.page(
            "/@@appeals-register",
            "kim",
            site.appeals["streetlights-shayan"].applicant_name,
        )
        self.edit("/acts/draft", "tursynbayev", site.acts.draft)
        self.edit("/assignments/assignment-3", "tulegenova", assignment)
        self.register_appeal()
        self.transition(
            "/acts/signed", "petrova", "register", site.acts.signed, "registered"
        )

    def edit(self, path, login, obj):
        title = obj.title + " (после обновления)"
        response = self.request("PATCH", path, login, json={"title": title})
        found = [
            brain.Title
            for brain in self.site.portal_catalog.unrestrictedSearchResults(
                UID=obj.UID()
            )
        ]
        check(
            response.status_int == 204 and obj.title == title and found == [title],
            f"{login} edits the title of {path}: {response.status}, catalog {found}",
        )

    def transition(self, path, login, transition, obj, state):
        response = self.request("POST", f"{path}/@workflow/{transition}", login)
        check(
            response.status_int == 200 and api.content.get_state(obj) == state,
            f"{login}: {transition} on {path}: {response.status}, now {api.content.get_state(obj)}",
        )

    def register_appeal(self):
        appeal = self.site.appeals["streetlights-shayan"]
        year = appeal.registration_day().year
        last = numbering.current_number(appeal_life_cycle.NUMBERING_KIND, year)
        self.transition(
            "/appeals/streetlights-shayan", "kim", "register", appeal, "registered"
        )
        check(
            appeal.registration_number == last + 1,
            f"its number goes on from the stored counter: {appeal.registration_number} after {last}",
        )


# bin/instance run passes: interpreter -c <this script> [site_id]
main(app, sys.argv[3] if len(sys.argv) > 3 else "akimat")  # noqa: F821 (`app` comes from bin/instance run)
