"""Print forms as DOCX (python-docx): an ordinary Word template with `{{ name }}` placeholders.

The template is data an administrator edits in Word. Placeholders stand in paragraphs, table cells,
headers and footers; Word often splits one placeholder over several runs (spell check, an edit in
the middle), so a placeholder is found in the text of the whole paragraph and its runs are merged:
the value goes into the run where the placeholder starts and keeps that run's formatting, the rest
of the placeholder is cut out of the following runs. Every other run keeps its own formatting.

A table row holding `{{ visa.<field> }}` placeholders is the template of the visa sheet (лист
согласования, R10.4a): it is repeated once per visa and then removed. A placeholder without a
value renders empty, never as raw `{{ … }}`. Multi-line values become line breaks.
"""

from copy import deepcopy
from datetime import date
from datetime import datetime
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from importlib.resources import files
from io import BytesIO

import re


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DEFAULT_TEMPLATE = "print_templates/act.docx"
VISA_PREFIX = "visa."
PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")

_P, _T, _TR, _BR, _TAB = qn("w:p"), qn("w:t"), qn("w:tr"), qn("w:br"), qn("w:tab")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Word's own ids of a paragraph: a copied visa row must not repeat them.
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_PARAGRAPH_IDS = (_W14 + "paraId", _W14 + "textId")
# Text pasted from Word carries \v (manual line break) and \f (page break); other control
# characters are not allowed in XML at all.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\u2028\u2029]")
_NOT_XML = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def default_template():
    """The bytes of the package's default template of a registered act."""
    return files(__package__).joinpath(DEFAULT_TEMPLATE).read_bytes()


def render_docx(template_bytes, values, visas=()):
    """The DOCX bytes of `template_bytes` with its placeholders replaced.

    `values` maps placeholder names to values (`{{ number }}` → values["number"]); `visas` is a list
    of dicts whose keys fill `{{ visa.<key> }}` in the repeated row of the visa table. Values may be
    strings (with new lines), dates (dd.mm.yyyy), numbers or None (empty).
    """
    document = Document(BytesIO(template_bytes))
    roots = [document.element.body] + [
        rel.target_part.element
        for rel in document.part.rels.values()
        if rel.reltype in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER)
    ]
    rows = [row for root in roots for row in root.iter(_TR) if _is_visa_row(row)]
    in_rows = {paragraph for row in rows for paragraph in row.iter(_P)}
    # Collected before any change: a value is never scanned for placeholders again.
    paragraphs = [p for root in roots for p in root.iter(_P) if p not in in_rows]
    for paragraph in paragraphs:
        _fill(paragraph, values)
    for row in rows:
        for visa in visas:
            copy = deepcopy(row)
            row.addprevious(copy)
            mapping = dict(values)
            mapping.update({VISA_PREFIX + key: value for key, value in visa.items()})
            for paragraph in copy.iter(_P):
                for name in _PARAGRAPH_IDS:
                    paragraph.attrib.pop(name, None)
                _fill(paragraph, mapping)
        row.getparent().remove(row)
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()


def _text(value):
    """The printed text of a value."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return _NOT_XML.sub("", _LINE_BREAKS.sub("\n", str(value)))


def _own_texts(paragraph):
    """The w:t of a paragraph in reading order, without those of paragraphs nested in it
    (a text box inside a run has paragraphs of its own)."""
    return [t for t in paragraph.iter(_T) if next(t.iterancestors(_P)) is paragraph]


def _paragraph_text(paragraph):
    return "".join(t.text or "" for t in _own_texts(paragraph))


def _is_visa_row(row):
    text = "\n".join(_paragraph_text(p) for p in row.iter(_P))
    return any(name.startswith(VISA_PREFIX) for name in PLACEHOLDER.findall(text))


def _fill(paragraph, values):
    """Replace the placeholders of one paragraph, even when Word split them over runs."""
    texts = _own_texts(paragraph)
    pieces = [t.text or "" for t in texts]
    matches = list(PLACEHOLDER.finditer("".join(pieces)))
    if not matches:
        return
    # Where each w:t starts in the paragraph's text, and how long it was.
    starts, lengths, offset = [], [len(piece) for piece in pieces], 0
    for length in lengths:
        starts.append(offset)
        offset += length

    def locate(position, end=False):
        """(index of the w:t, offset in it) of the character at a position, or of the one just
        before it for the end of a placeholder."""
        for index, (start, length) in enumerate(zip(starts, lengths)):
            after_start = start < position if end else start <= position
            before_end = position <= start + length if end else position < start + length
            if after_start and before_end:
                return index, position - start
        raise AssertionError("a position outside the paragraph's text")

    # From the last placeholder back, so the offsets of the earlier ones stay true.
    for match in reversed(matches):
        value = _text(values.get(match.group(1)))
        first, first_offset = locate(match.start())
        last, last_offset = locate(match.end(), end=True)
        if first == last:
            piece = pieces[first]
            pieces[first] = piece[:first_offset] + value + piece[last_offset:]
            continue
        pieces[first] = pieces[first][:first_offset] + value
        for index in range(first + 1, last):
            pieces[index] = ""
        pieces[last] = pieces[last][last_offset:]
    for t, piece in zip(texts, pieces):
        if piece != (t.text or ""):
            _set_text(t, piece)


def _set_text(t, text):
    """Put text into a w:t; new lines become w:br and tabs w:tab in the same run."""
    if not text:
        t.getparent().remove(t)
        return
    parts = re.split(r"([\n\t])", text)
    t.text = parts[0]
    t.set(_XML_SPACE, "preserve")
    anchor = t
    for part in parts[1:]:
        if part in ("\n", "\t"):
            element = t.makeelement(_BR if part == "\n" else _TAB, {})
        elif part:
            element = t.makeelement(_T, {_XML_SPACE: "preserve"})
            element.text = part
        else:
            continue
        anchor.addnext(element)
        anchor = element
    if not parts[0] and len(parts) > 1:
        t.getparent().remove(t)
