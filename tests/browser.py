"""Playwright driving Debian's Chromium (never a downloaded browser), as TESTING.md measured."""

from akimat.policy.demo import DEMO_PASSWORD
from contextlib import contextmanager
from playwright.sync_api import sync_playwright


CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying hosts this closed network cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@contextmanager
def chromium_page():
    """A fresh page in a new headless Chromium; closed with everything it opened."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            yield browser.new_page(locale="ru-RU")
        finally:
            browser.close()


def log_in(page, site_url, username):
    """Log a demo user in through the login form the closed intranet sends everyone to."""
    page.goto(site_url)
    page.fill("#__ac_name", username)
    page.fill("#__ac_password", DEMO_PASSWORD)
    page.click("#buttons-login")
    page.wait_for_selector("#akimat-sections")


def use_language(page, language):
    """The header's language switcher, clicked as a person would (Russian is the default)."""
    if language != "ru":
        page.click(f"#portal-languageselector .language-{language} a")
        page.wait_for_selector(f"html[lang={language}]")


def open_section(page, section_id):
    """A section of the top menu («Поручения» …): it opens the section's register."""
    page.click(f"#portal-globalnav li.{section_id} > a")
    page.wait_for_load_state()


def show_overdue(page):
    """Choose «Просрочено» (with what else is chosen) and show: the rows' traffic lights."""
    page.select_option("#control-list-state", "overdue")
    page.click("#control-list-filters button[type=submit]")
    page.wait_for_load_state()
    rows = page.locator("#control-list tbody tr")
    return [
        rows.nth(i).get_attribute("data-traffic-light") for i in range(rows.count())
    ]


def choose_in_picker(page, field_id, typed, choice):
    """Type into a picker (pat-select2) and click the offered choice that reads `choice`."""
    page.click(f"#s2id_{field_id} input.select2-input")
    page.keyboard.type(typed)
    page.locator(".select2-drop-active").get_by_role(
        "option", name=choice, exact=True
    ).click()
