"""The dotted names of before the domain layout (issue 13), for what the ZODB stores by name.

Pickles name the class of every persistent object (content, the numbering's counters, the
catalog lexicon's stemmer) and of what they hold (an agenda item's vote results), and the
catalog names interfaces; a site created before the move finds them here. The upgrade to 1008
points the type definitions at the new names; objects take the new names as they are saved
again. Annotation keys are names too, but no module's: they keep theirs where they moved
(`visas.ANNOTATION_KEY`, `numbering.ANNOTATION_KEY`, `meeting.PREPARATION_KEY`).
"""

import importlib
import sys
import types


MOVED = {
    "akimat.content.content.act": "akimat.content.acts.act",
    "akimat.content.content.agenda_item": "akimat.content.meetings.agenda_item",
    "akimat.content.content.agreed_document": "akimat.content.agreement.agreed_document",
    "akimat.content.content.appeal": "akimat.content.appeals.appeal",
    "akimat.content.content.assignment": "akimat.content.control.assignment",
    "akimat.content.content.execution_report": "akimat.content.control.execution_report",
    "akimat.content.content.material": "akimat.content.meetings.material",
    "akimat.content.content.meeting": "akimat.content.meetings.meeting",
    "akimat.content.content.protocol": "akimat.content.meetings.protocol",
    "akimat.content.content.protocol_section": "akimat.content.meetings.protocol_section",
    "akimat.content.content.reception": "akimat.content.appeals.reception",
    "akimat.content.content.report": "akimat.content.library.report",
    "akimat.content.content.report_obligation": "akimat.content.library.report_obligation",
    "akimat.content.content.section": "akimat.content.core.section",
    "akimat.content.numbering": "akimat.content.core.numbering",
    "akimat.content.stemming": "akimat.content.library.stemming",
    "akimat.content.votes": "akimat.content.meetings.votes",
}
OLD_PACKAGE = "akimat.content.content"


def install():
    """Old module names resolve to the new modules: the same classes, not copies."""
    package = sys.modules.get(OLD_PACKAGE) or types.ModuleType(OLD_PACKAGE)
    package.__path__ = []
    _alias(OLD_PACKAGE, package)
    for old, new in MOVED.items():
        _alias(old, importlib.import_module(new))


def _alias(old, module):
    """`old` names `module` for imports (the ZODB's) and as its parent's attribute (what
    zope.dottedname's resolve, as plone.dexterity uses it for a type's klass, looks up)."""
    sys.modules[old] = module
    parent, _, name = old.rpartition(".")
    setattr(sys.modules[parent], name, module)
