"""The dashboard's charts keep their labels and legends whole (issue 15)."""

from akimat.content.control import charts
from akimat.content.control import rules as control

import unittest


NAME = "Отдел организационно-инспекторской работы (Орготдел)"
TITLES = {
    control.GREEN: "В срок",
    control.YELLOW: "Срок истекает в ближайшие 3 рабочих дня",
    control.RED: "Просрочено",
}


class TestCharts(unittest.TestCase):
    def test_executors_and_legends_are_drawn_whole(self):
        svg = charts.per_executor_lights(
            [(NAME, {control.GREEN: 2, control.YELLOW: 1, control.RED: 1})],
            TITLES,
            "На контроле сейчас",
            "Нет данных",
        )
        self.assertIn(f">{NAME}<", svg)
        for title in TITLES.values():
            self.assertIn(f">{title}<", svg)
        self.assertNotIn("…", svg)

    def test_pie_legends_are_whole(self):
        svg = charts.traffic_light_pie(
            {control.GREEN: 3, control.YELLOW: 1, control.RED: 2},
            TITLES,
            "На контроле сейчас",
            "Нет данных",
        )
        self.assertIn(f">{TITLES[control.YELLOW]}<", svg)
        self.assertNotIn("…", svg)
