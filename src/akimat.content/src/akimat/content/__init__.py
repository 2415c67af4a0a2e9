"""akimat.content: the domain of the Akimat intranet."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("akimat")

# Registers the catalog's «Russian Snowball stemmer» before any lexicon is loaded, and the
# names that pickles of before the domain layout use.
from akimat.content import old_names  # noqa: E402


old_names.install()
