"""Demo assignments in «Поручения»: every traffic-light colour, for the demo site only."""

from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from datetime import timedelta
from plone import api


def add_demo_assignments(portal):
    """Create the demo assignments once; their deadlines are set relative to today."""
    folder = portal["assignments"]
    if folder.objectIds():
        return
    calendar = get_calendar()
    today = now().date()
    month_ago = today - timedelta(days=30)
    for spec in _specs(calendar, today, month_ago):
        removal = spec.pop("removal", None)
        # Explicit ids: short URLs, and no rename from a temporary id right after creation.
        assignment = api.content.create(
            container=folder,
            type="Assignment",
            id=f"assignment-{spec['number']}",
            **spec,
        )
        if removal:
            api.content.create(
                container=assignment, type="ExecutionReport", id="report", title=removal
            )
            assignment.consent_to_removal("seitzhanov")
            assignment.remove_from_control("executed", "Исполнено в полном объёме")


def _specs(calendar, today, month_ago):
    common = {
        "controller": "tulegenova",
        "source_kind": "akimat-session",
        "date_given": month_ago,
    }
    return [
        {
            **common,
            "number": "1",
            "lead_executor": "economy",
            "co_executors": ["finance"],
            "title": "Подготовить информацию о ходе исполнения местного бюджета за 9 месяцев",
            "deadline": calendar.working_days_before(today, 2),
        },
        {
            **common,
            "number": "2",
            "lead_executor": "tursynbayev",
            "title": "Обеспечить мониторинг цен на социально значимые продовольственные товары",
            "deadline": calendar.add_working_days(today, 2),
        },
        {
            **common,
            "number": "3",
            "lead_executor": "economy",
            "co_executors": ["orgotdel"],
            "title": "Разработать план мероприятий по подготовке к отопительному сезону",
            "deadline": calendar.add_working_days(today, 15),
        },
        {
            **common,
            "number": "4",
            "lead_executor": "hr",
            "controller": "omarova",
            "source_kind": "apparatus-meeting",
            "title": "Провести обучение сотрудников аппарата работе в интранете",
            "deadline": calendar.add_working_days(today, 40),
        },
        {
            **common,
            "number": "5",
            "lead_executor": "appeals",
            "source_kind": "government",
            "title": "Представить сведения о рассмотрении обращений граждан за квартал",
            "deadline": calendar.add_working_days(today, 1),
        },
        {
            **common,
            "number": "6",
            "lead_executor": "economy",
            "title": "Внести предложения по уточнению бюджета района",
            "deadline": calendar.working_days_before(today, 5),
            "removal": "Предложения внесены письмом № 45 от 10.11.2026",
        },
    ]
