"""The identification numbers of Kazakhstan: ИИН of a person, БИН of an organisation (RULES.md R13.5).

Both have 12 digits, the 12th a check digit of the first 11. An ИИН begins with the birth date
YYMMDD and a century-and-sex code; a БИН with the month of registration YYMM and the type of
the organisation. A day begins with 0–3 and a type is 4–6, so no number has both shapes.
"""

from akimat.content import _
from akimat.content.core.errors import Refusal
from calendar import monthrange


_WEIGHTS = (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))
# The 7th digit of an ИИН → the century of the birth year. Foreign citizens are seen with 0, a
# century unknown: 2000, a leap year, accepts 29 February whenever YY is a multiple of 4.
_CENTURIES = {
    "0": 2000,
    "1": 1800,
    "2": 1800,
    "3": 1900,
    "4": 1900,
    "5": 2000,
    "6": 2000,
}
# The 5th digit of a БИН: a resident legal entity, a non-resident one, an individual
# entrepreneur of a joint venture or a branch.
_ORGANISATION_TYPES = "456"


class IdentificationError(Refusal):
    """A number a person can correct; args[0] is the message that says how."""


def check_digit(first_eleven):
    """The 12th digit for `first_eleven` digits; None when both weightings give 10: such a
    number is never issued."""
    digits = [int(digit) for digit in first_eleven]
    for weights in _WEIGHTS:
        result = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if result != 10:
            return result
    return None


def is_valid(number):
    """Whether `number` is an ИИН or a БИН with the right check digit."""
    try:
        _checked(number)
    except IdentificationError:
        return False
    return True


def kind(number):
    """What `number` is, "iin" or "bin", else IdentificationError."""
    return _checked(number)[1]


def validate(number):
    """The 12 digits of `number` without its spaces, else IdentificationError."""
    return _checked(number)[0]


def _checked(number):
    # People paste numbers grouped by spaces, also non-breaking ones from documents.
    digits = "".join(number.split())
    # Not str.isdigit: it lets in the digits of other scripts, which int() reads.
    if set(digits) - set("0123456789"):
        raise IdentificationError(_("An IIN or BIN has digits only."))
    if len(digits) != 12:
        raise IdentificationError(_("An IIN or BIN has 12 digits."))
    found = _shape(digits)
    if found is None:
        raise IdentificationError(
            _(
                "${number} is neither an IIN (a birth date first) nor a BIN (the month of "
                "registration first).",
                mapping={"number": digits},
            )
        )
    # When no check digit exists (None), the number is mistyped all the same.
    if check_digit(digits[:11]) != int(digits[11]):
        raise IdentificationError(
            _(
                "The check digit of ${number} is wrong: please check the number.",
                mapping={"number": digits},
            )
        )
    return digits, found


def _shape(digits):
    month = int(digits[2:4])
    if not 1 <= month <= 12:
        return None
    century = _CENTURIES.get(digits[6])
    if (
        century is not None
        and 1 <= int(digits[4:6]) <= monthrange(century + int(digits[:2]), month)[1]
    ):
        return "iin"
    if digits[4] in _ORGANISATION_TYPES:
        return "bin"
    return None
