"""Print the line CI reads, `N passed, N failed`, from zope.testrunner's own totals.

Usage: python tests/summary.py test.log   (exit status 1 when nothing ran or anything failed)
"""

import re
import sys


TOTAL = re.compile(
    r"Total: (\d+) tests?, (\d+) failures?, (\d+) errors?(?: and (\d+) skipped)?"
)
RAN = re.compile(
    r"Ran (\d+) tests? with (\d+) failures?, (\d+) errors?(?: and (\d+) skipped)?"
)
IMPORT_ERRORS = re.compile(r"Test-module import failures:")


def totals(log):
    """(tests, failures, errors, skipped): the grand total, or the only layer's line."""
    found = TOTAL.findall(log) or RAN.findall(log)[-1:]
    if not found:
        return None
    return tuple(int(number or 0) for number in found[-1])


def main(path):
    with open(path, encoding="utf-8", errors="replace") as log_file:
        log = log_file.read()
    counted = totals(log)
    if counted is None:
        print("0 passed, 1 failed")
        return 1
    tests, failures, errors, skipped = counted
    failed = failures + errors + (1 if IMPORT_ERRORS.search(log) else 0)
    print(f"{tests - failures - errors - skipped} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
