"""Russian stemming in the catalog: «отчеты», «отчетов» and «отчёт» all find «отчет».

A ZCTextIndex pipeline element built on the Snowball Russian stemmer, and the lexicon
`akimat_lexicon` that runs it after Plone's Unicode splitter and case normalizer. That normalizer
only lower-cases Cyrillic words (it strips accents from words starting with a Latin letter alone):
the Kazakh letters ә ғ қ ң ө ұ ү һ і stay as they are, and ё becomes е in the Snowball stemmer.

The lexicon stores instances of RussianSnowballStemmer in the ZODB: the class keeps its name
and module.
"""

from functools import lru_cache
from Products.ZCTextIndex.interfaces import IPipelineElement
from Products.ZCTextIndex.PipelineFactory import element_factory
from Products.ZCTextIndex.ZCTextIndex import PLexicon
from types import SimpleNamespace
from zope.interface import implementer

import snowballstemmer
import threading


STEMMER_GROUP = "Stemmer"
STEMMER_NAME = "Russian Snowball stemmer"
LEXICON_ID = "akimat_lexicon"
LEXICON_PIPELINE = (
    ("Word Splitter", "Unicode Whitespace splitter"),
    ("Case Normalizer", "Unicode Ignoring Accents Case Normalizer"),
    (STEMMER_GROUP, STEMMER_NAME),
)
INDEX_TYPE = "Okapi BM25 Rank"


class PerThreadStemmers(threading.local):
    def __init__(self):
        # A Snowball stemmer keeps the word it works on in itself: Zope's threads cannot share one.
        self.russian = snowballstemmer.stemmer("russian")


stemmers = PerThreadStemmers()


@lru_cache(maxsize=10_000)
def russian_stem(word):
    """The Snowball Russian stem. Cached: pure-Python Snowball takes some 20 µs a word, and a
    document's common words come again and again (snowballstemmer 3 keeps no cache of its own)."""
    return stemmers.russian.stemWord(word)


@implementer(IPipelineElement)
class RussianSnowballStemmer:
    """Each word to its Russian stem; words of other languages mostly pass unchanged."""

    def process(self, words):
        return [russian_stem(word) for word in words]

    def processGlob(self, words):
        """Query words: «отчеты*» (Plone adds the star) becomes «отчет*»; other globs stay as typed."""
        return [stem_glob(word) for word in words]

    def process_post_glob(self, words):
        """Query words as the lexicon looks them up (termToWordIds): processGlob has stemmed them.

        Stemming again would cut further («финансовыми» → «финансов» → «финанс») and miss the index.
        """
        return words


def stem_glob(word):
    stem, star = (word[:-1], "*") if word.endswith("*") else (word, "")
    if "*" in stem or "?" in stem:
        return word
    return russian_stem(stem) + star


element_factory.registerFactory(STEMMER_GROUP, STEMMER_NAME, RussianSnowballStemmer)


def ensure_lexicon(catalog):
    """The lexicon akimat_lexicon in the catalog, added if missing."""
    if not catalog.hasObject(LEXICON_ID):
        pipeline = [
            element_factory.instantiate(group, name) for group, name in LEXICON_PIPELINE
        ]
        catalog._setObject(
            LEXICON_ID,
            PLexicon(LEXICON_ID, "Russian and Kazakh words, Russian stems", *pipeline),
        )
    return catalog[LEXICON_ID]


def use_lexicon(catalog, index_names=("SearchableText",)):
    """Each named ZCTextIndex rebuilt on akimat_lexicon (Okapi BM25) and reindexed, unless it is already."""
    for name in index_names:
        index = catalog.Indexes[name]
        if index.lexicon_id == LEXICON_ID:
            continue
        extra = SimpleNamespace(
            doc_attr=",".join(index.getIndexSourceNames()),
            index_type=INDEX_TYPE,
            lexicon_id=LEXICON_ID,
        )
        catalog.delIndex(name)
        catalog.addIndex(name, "ZCTextIndex", extra)
        catalog.manage_reindexIndex(ids=[name])
