"""Earlier appeals of the same applicant: a repeated appeal links to them (RULES.md R13.5, R13.6).

The applicant is known by the IIN or BIN when given, else by the name together with a phone or
an e-mail; each is a normalised key, indexed as `applicant_key` (appeal_indexers). The search is
unrestricted: whoever registers — the appeals department or an integrator — every earlier appeal
counts, while only what the person may see is ever shown (`visible_urls`).
"""

from akimat.content.core import identification
from plone import api


ID_PREFIX = "id:"
CONTACT_PREFIX = "contact:"


def _id_key(appeal):
    try:
        return ID_PREFIX + identification.validate(appeal.applicant_id)
    except (identification.IdentificationError, AttributeError):
        return None


def _phone(value):
    """The digits of a Kazakh phone, «8 701 …» and «+7 701 …» alike."""
    digits = "".join(
        character for character in value or "" if character in "0123456789"
    )
    if len(digits) == 11 and digits.startswith("8"):
        return "7" + digits[1:]
    return digits


def _contact_keys(appeal):
    name = " ".join((appeal.applicant_name or "").lower().split())
    if not name:
        return ()
    contacts = (_phone(appeal.phone), (appeal.email or "").strip().lower())
    return tuple(f"{CONTACT_PREFIX}{name}|{contact}" for contact in contacts if contact)


def applicant_keys(appeal):
    """Every key an appeal is found by: its IIN/BIN, and its name with each contact."""
    id_key = _id_key(appeal)
    return ((id_key,) if id_key else ()) + _contact_keys(appeal)


def search_keys(appeal):
    """The keys an appeal looks for: its IIN/BIN when given, else its name with a contact."""
    id_key = _id_key(appeal)
    return (id_key,) if id_key else _contact_keys(appeal)


def find_earlier(appeal):
    """The registered appeals of the same applicant, oldest first, whoever may see them."""
    keys = search_keys(appeal)
    if not keys:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Appeal", applicant_key=list(keys)
    )
    own = api.content.get_uuid(appeal)
    earlier = [
        brain
        for brain in brains
        if own != brain.UID and brain.registration_date is not None
    ]
    return sorted(
        earlier,
        key=lambda brain: (brain.registration_date, brain.registration_number or 0),
    )


def mark_repeated(appeal):
    """On registration: the UIDs of the applicant's earlier appeals (empty: not repeated)."""
    appeal.earlier_appeals = tuple(brain.UID for brain in find_earlier(appeal))


def earlier_appeals(appeal):
    return tuple(getattr(appeal, "earlier_appeals", None) or ())


def repeated(appeal):
    return bool(earlier_appeals(appeal))


def visible_urls(appeal):
    """The earlier appeals the current user may see (R13.2: a link names another appeal)."""
    uids = earlier_appeals(appeal)
    if not uids:
        return []
    brains = api.portal.get_tool("portal_catalog")(portal_type="Appeal", UID=list(uids))
    urls = {brain.UID: brain.getURL() for brain in brains}
    return [urls[uid] for uid in uids if uid in urls]
