"""Cross-package tests: browser journeys in Chromium against a running Zope, catalog checks."""
