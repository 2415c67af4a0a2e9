"""plone.restapi's @copy and @move, with their refusals answered as JSON 4xx instead of 500s.

OFS refuses to cut an item its user may not delete, or to copy one he may not copy — a registered
act or protocol among them — with a CopyError; a folder refuses a type it does not take with a
ValueError; a «source» that is no text failed on `startswith`. Each was a 500. Nothing of a refused
request is kept: when one item of several is refused, none is moved or copied.
"""

from akimat.content import _
from akimat.content.services.base import bad_request
from akimat.content.services.base import error
from akimat.content.services.base import is_json_type
from akimat.content.services.base import TEXTS
from OFS.CopySupport import CopyError
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.copymove import copymove

import transaction


class Refusals:
    """Mixin for plone.restapi's BaseCopyMove; `refused` is the message of a CopyError."""

    refused = None
    keys = {"source": TEXTS}  # or a single text

    def reply(self):
        try:
            source = json_body(self.request).get("source")
        except DeserializationError:
            return bad_request(
                self.request, _("The request body is not a JSON object.")
            )
        if source and not is_json_type(
            [source] if isinstance(source, str) else source, TEXTS
        ):
            return bad_request(
                self.request,
                _(
                    "«source» must be the URL, path or UID of an item, or a list of them."
                ),
            )
        try:
            return super().reply()
        except CopyError:
            transaction.doom()
            return error(self.request, 403, "Forbidden", self.refused)
        # The folder's allowed types (PortalFolder._verifyObjectPaste)
        except ValueError:
            return bad_request(
                self.request, _("This folder does not take items of that type.")
            )


class Copy(Refusals, copymove.Copy):
    refused = _("You may not copy an item of «source».")


class Move(Refusals, copymove.Move):
    refused = _(
        "You may not move an item of «source»: it is registered, or you may not remove it from its folder."
    )
