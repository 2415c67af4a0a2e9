"""Print forms as DOCX: a Word template with Jinja2 tags, filled by docxtpl.

The template is data an administrator edits in Word. `{{ name }}` prints a value of the context
(in paragraphs, table cells, headers and footers); `{%p for … %}` / `{%p if … %}` standing alone in
a paragraph repeat or drop paragraphs, `{%tr for … %}` in a table row repeats the row between it
and `{%tr endfor %}` (the visa sheet of an act, R10.4a). Word splitting a tag over several runs
(spell check, an edit in the middle) does no harm: docxtpl joins the runs of a tag before Jinja2
reads it, and the value takes the formatting of the run where the tag starts.

Every printed value goes through `printable`: None prints empty, a date dd.mm.yyyy, a multi-line
string prints one line under the other (docxtpl turns "\\n" into a line break and "\\t" into a
tab), characters Word or XML cannot hold are dropped. Values are escaped: text people typed is
printed as it is, never read as a tag or as XML. The filter `paragraphs` (`{{ text|paragraphs }}`)
prints each line of a text as a paragraph of its own instead, with the formatting of the
paragraph holding the tag.
"""

from akimat.content.core import spreadsheets
from datetime import date
from datetime import datetime
from docxtpl import DocxTemplate
from importlib.resources import files
from io import BytesIO
from jinja2 import Environment
from jinja2 import Undefined
from markupsafe import escape

import re


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEMPLATES = "print_templates"
DEFAULT_TEMPLATE = "act.docx"

# Text pasted from Word carries \v (manual line break) and \f (page break); docxtpl would read \f
# as a page break and \a as a new paragraph, so both become plain line ends here.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\u2028\u2029]")
# Control characters XML cannot hold (a file with them does not open), and \a (see above).
_NOT_PRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def template(name):
    """The bytes of a template of the package (`print_templates/<name>`)."""
    return files(__package__).joinpath(TEMPLATES, name).read_bytes()


def default_template():
    """The bytes of the package's template of a registered act."""
    return template(DEFAULT_TEMPLATE)


def printable(value):
    """What a value prints as; Jinja2 calls it for every `{{ … }}` (the environment's finalize)."""
    if value is None or isinstance(value, Undefined):
        return ""
    if hasattr(value, "__html__"):
        # Already markup (docxtpl's RichText/Listing, or text Jinja2 escaped): left as it is.
        return value
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if not isinstance(value, str):
        return value
    return _NOT_PRINTABLE.sub("", _LINE_BREAKS.sub("\n", value))


def paragraphs(value):
    """A multi-line text as paragraphs: each line gets the indent of the paragraph, and a justified
    line is not stretched as it is before a line break. docxtpl starts a paragraph at \\a."""
    return escape(printable(value)).replace("\n", "\a")


def environment():
    """A Jinja2 environment for one rendering: escaped values, printed through `printable`.

    A new one each time, because docxtpl sets attributes on the environment it is given."""
    env = Environment(autoescape=True, finalize=printable)
    env.filters["paragraphs"] = paragraphs
    return env


def render_docx(template_bytes, context):
    """The DOCX bytes of the template `template_bytes` rendered with the dict `context`."""
    document = DocxTemplate(BytesIO(template_bytes))
    document.render(context, jinja_env=environment(), autoescape=True)
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()


def send(response, data, filename):
    """The headers of a Word document's download."""
    spreadsheets.send(response, data, filename)
    response.setHeader("Content-Type", DOCX)
    return data
