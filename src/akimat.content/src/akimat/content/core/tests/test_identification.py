"""ИИН and БИН, by which the applicant of an appeal is identified (RULES.md R13.5).

The valid numbers are built here with a check digit computed independently of the module.
"""

from akimat.content.core.identification import check_digit
from akimat.content.core.identification import IdentificationError
from akimat.content.core.identification import is_valid
from akimat.content.core.identification import kind
from akimat.content.core.identification import validate

import unittest


FIRST = range(1, 12)
SECOND = [(position + 2) % 11 + 1 for position in range(11)]  # 3, 4, …, 11, 1, 2


def weighted(eleven, weights):
    return (
        sum(int(digit) * weight for digit, weight in zip(eleven, weights, strict=False))
        % 11
    )


def elevens(head):
    """`head` followed by each serial number that makes 11 digits."""
    width = 11 - len(head)
    return (head + str(serial).zfill(width) for serial in range(10**width))


def issued(head, *, first_ten=False):
    """The first number after `head` that has a check digit; by the second weighting with
    `first_ten`, else by the first."""
    for eleven in elevens(head):
        first, second = weighted(eleven, FIRST), weighted(eleven, SECOND)
        if first_ten and first == 10 and second != 10:
            return eleven + str(second)
        if not first_ten and first != 10:
            return eleven + str(first)


def wrong_last_digit(number):
    return number[:11] + str((int(number[11]) + 1) % 10)


class TestIdentification(unittest.TestCase):
    def assertRefused(self, number, msgid):
        with self.assertRaises(IdentificationError) as raised:
            validate(number)
        self.assertEqual(raised.exception.args[0], msgid)
        self.assertEqual(raised.exception.args[0].domain, "akimat")
        self.assertFalse(is_valid(number))
        with self.assertRaises(IdentificationError):
            kind(number)
        return raised.exception.args[0]

    def test_iin_of_each_century_code_is_valid(self):
        """R13.5: an ИИН born 12 April (19)87 is valid with each century-and-sex code 0–6."""
        for code in "0123456":
            number = issued("870412" + code)
            with self.subTest(number=number):
                self.assertEqual(validate(number), number)
                self.assertEqual(kind(number), "iin")
                self.assertTrue(is_valid(number))

    def test_check_digit_by_the_second_weighting_when_the_first_gives_ten(self):
        """R13.5: when weights 1…11 give 10, the check digit comes from weights 3…11, 1, 2."""
        number = issued("8704123", first_ten=True)
        self.assertEqual(weighted(number[:11], FIRST), 10)
        self.assertEqual(check_digit(number[:11]), int(number[11]))
        self.assertEqual(kind(number), "iin")
        self.assertFalse(is_valid(wrong_last_digit(number)))

    def test_number_where_both_weightings_give_ten_is_invalid(self):
        """R13.5: when both weightings give 10, no check digit fits: the number is not issued."""
        eleven = next(
            e
            for e in elevens("8704123")
            if weighted(e, FIRST) == weighted(e, SECOND) == 10
        )
        self.assertIsNone(check_digit(eleven))
        for last in "0123456789":
            with self.subTest(last=last):
                self.assertRefused(
                    eleven + last,
                    "The check digit of ${number} is wrong: please check the number.",
                )

    def test_bin_of_each_organisation_type_is_valid(self):
        """R13.5: a БИН registered in May 2021 is valid for organisation types 4, 5 and 6."""
        for organisation_type in "456":
            number = issued("2105" + organisation_type + "0")
            with self.subTest(number=number):
                self.assertEqual(validate(number), number)
                self.assertEqual(kind(number), "bin")
                self.assertTrue(is_valid(number))

    def test_wrong_check_digit_is_refused_with_the_number(self):
        """R13.5: a mistyped check digit is refused; the message names the number."""
        for number in (issued("8704123"), issued("210540")):
            with self.subTest(number=number):
                wrong = wrong_last_digit(number)
                message = self.assertRefused(
                    wrong,
                    "The check digit of ${number} is wrong: please check the number.",
                )
                self.assertEqual(message.mapping, {"number": wrong})

    def test_eleven_and_thirteen_digits_are_refused(self):
        """R13.5: an ИИН or БИН has exactly 12 digits."""
        number = issued("8704123")
        for wrong in ("", number[:11], number + "0"):
            with self.subTest(number=wrong):
                self.assertRefused(wrong, "An IIN or BIN has 12 digits.")

    def test_letters_and_other_digits_are_refused(self):
        """R13.5: an ИИН or БИН has ASCII digits only, no letters, signs or digits of other scripts."""
        number = issued("8704123")
        arabic_indic = "".join(chr(0x0660 + int(digit)) for digit in number)
        for wrong in (
            number[:11] + "A",
            "ИИН" + number,
            number[:6] + "-" + number[6:],
            arabic_indic,
        ):
            with self.subTest(number=wrong):
                self.assertRefused(wrong, "An IIN or BIN has digits only.")

    def test_spaces_are_accepted_and_removed(self):
        """R13.5: spaces, also non-breaking ones, are removed from an ИИН or БИН."""
        for number in (issued("8704123"), issued("210540")):
            spaced = f" {number[:6]} {number[6:9]}\u00a0{number[9:]}\t"
            with self.subTest(number=spaced):
                self.assertEqual(validate(spaced), number)
                self.assertTrue(is_valid(spaced))

    def test_impossible_birth_date_is_refused(self):
        """R13.5: an ИИН begins with a real birth date: no 31 February, no 31 April, no month 13;
        29 February only in a leap year."""
        for head in (
            "8702313",
            "8704313",
            "8713123",
            "8700123",
            "8704003",
            "0002293",
            "8702293",
        ):
            number = issued(head)
            with self.subTest(number=number):
                message = self.assertRefused(
                    number,
                    "${number} is neither an IIN (a birth date first) nor a BIN (the month of registration first).",
                )
                self.assertEqual(message.mapping, {"number": number})
        # 2000, 1988; 0 lets a leap year be
        for head in (
            "0002295",
            "8802293",
            "0002290",
        ):
            with self.subTest(head=head):
                self.assertEqual(kind(issued(head)), "iin")

    def test_neither_shape_is_refused(self):
        """R13.5: a 7th digit over 6 is no ИИН, a 5th digit but 4–6 no БИН, month 00 neither."""
        for head in ("8704127", "8704129", "210570", "2105901", "2100400"):
            number = issued(head)
            with self.subTest(number=number):
                self.assertRefused(
                    number,
                    "${number} is neither an IIN (a birth date first) nor a BIN (the month of registration first).",
                )
