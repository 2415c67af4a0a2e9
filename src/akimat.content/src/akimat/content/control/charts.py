"""Server-side SVG charts of the control dashboard (pygal), to embed inline in a page.

Inline and script-free: the intranet is closed, so no tooltip script is fetched from the
internet, and pygal's own configuration script is dropped as useless without it.
"""

from akimat.content.control import rules as control
from pygal.style import Style

import pygal


COLOURS = {
    control.GREEN: "#198754",
    control.YELLOW: "#ffc107",
    control.RED: "#dc3545",
}
# The bars take the page's width (control_dashboard.pt) at about their own scale, so their text
# keeps its size instead of shrinking with the drawing.
BAR_WIDTH = 1100
FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif"
)


def _without_scripts(root):
    for parent in list(root.iter()):
        for child in list(parent):
            if str(child.tag).rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root


def _style(colours):
    return Style(
        colors=tuple(colours),
        font_family=FONT,
        background="transparent",
        plot_background="transparent",
        title_font_size=18,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=13,
        value_font_size=13,
    )


def new_chart(kind, colours, title, no_data, **config):
    chart = kind(
        title=title,
        style=_style(colours),
        js=[],
        disable_xml_declaration=True,
        no_data_text=no_data,
        print_values=True,
        print_zeroes=False,
        legend_at_bottom=True,
        # Whole names: pygal shortens labels and legends to fit by default («Отдел эконо…»).
        truncate_label=-1,
        truncate_legend=-1,
        **config,
    )
    chart.add_xml_filter(_without_scripts)
    return chart


def traffic_light_pie(counts, titles, title, no_data):
    """counts and titles: {colour: n} and {colour: label} for green, yellow, red."""
    colours = (control.GREEN, control.YELLOW, control.RED)
    chart = new_chart(
        pygal.Pie, [COLOURS[c] for c in colours], title, no_data, height=360
    )
    for colour in colours:
        chart.add(titles[colour], counts[colour] or None)
    return chart.render(is_unicode=True)


def per_executor_lights(lines, titles, title, no_data):
    """lines: [(executor title, {colour: n})]; one stacked bar per executor."""
    colours = (control.GREEN, control.YELLOW, control.RED)
    chart = new_chart(
        pygal.HorizontalStackedBar,
        [COLOURS[c] for c in colours],
        title,
        no_data,
        height=_height(lines),
        width=BAR_WIDTH,
        y_labels=ticks(
            max((sum(counts.values()) for _name, counts in lines), default=0)
        ),
    )
    chart.x_labels = [name for name, _counts in lines]
    for colour in colours:
        chart.add(titles[colour], [counts[colour] for _name, counts in lines])
    return chart.render(is_unicode=True)


def on_time_and_late(lines, on_time_title, late_title, title, no_data):
    """lines: ExecutionLine of control_reports; executed on time against late per executor."""
    lines = [line for line in lines if line.on_time or line.late]
    chart = new_chart(
        pygal.HorizontalBar,
        [COLOURS[control.GREEN], COLOURS[control.RED]],
        title,
        no_data,
        height=_height(lines),
        width=BAR_WIDTH,
        y_labels=ticks(
            max((max(line.on_time, line.late) for line in lines), default=0)
        ),
    )
    chart.x_labels = [line.title for line in lines]
    chart.add(on_time_title, [line.on_time for line in lines])
    chart.add(late_title, [line.late for line in lines])
    return chart.render(is_unicode=True)


def ticks(top):
    """Whole numbers on the axis of counts: no «0.5 assignments»."""
    step = max(1, -(-top // 10))
    return list(range(0, top + step, step)) if top else None


def _height(lines):
    return max(240, 120 + 48 * len(lines))
