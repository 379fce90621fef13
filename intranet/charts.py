"""Horizontal bar charts as plain data for an SVG template: readable without JavaScript,
every bar carries its number and links to the list behind it."""

from dataclasses import dataclass, field

LABEL_WIDTH = 130
BAR_AREA = 200
VALUE_WIDTH = 70
BAR_HEIGHT = 18
BAR_GAP = 4
ROW_GAP = 12


@dataclass
class Bar:
    value: float
    url: str
    series: int = 0
    label: str = ""
    text: str = ""
    x: float = 0
    y: float = 0
    width: float = 0
    text_x: float = 0
    text_y: float = 0


@dataclass
class Row:
    label: str
    bars: list
    y: float = 0
    label_y: float = 0


@dataclass
class BarChart:
    title: str
    rows: list
    series_names: list = field(default_factory=list)
    unit: str = ""
    width: int = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH

    @property
    def description(self):
        parts = []
        for row in self.rows:
            values = "，".join(
                f"{self.series_names[b.series] if self.series_names else ''}{b.text}"
                for b in row.bars
            )
            parts.append(f"{row.label}：{values}")
        return f"{self.title}。" + "；".join(parts)


def bar_chart(title, rows, series_names=None, unit="", max_value=None):
    """rows: [(label, [(value, url), ...])]; one (value, url) per series."""
    series_names = series_names or []
    all_values = [v for _label, bars in rows for v, _url in bars if v is not None]
    top = max_value or max(all_values or [0]) or 1
    y = 0
    out = []
    for label, bars in rows:
        row = Row(label=label, bars=[], y=y)
        for i, (value, url) in enumerate(bars):
            v = value or 0
            width = BAR_AREA * v / top
            bar = Bar(
                value=v,
                url=url,
                series=i,
                text="—" if value is None else f"{value:g}{unit}",
                x=LABEL_WIDTH,
                y=y,
                width=round(max(width, 1 if v else 0), 1),
            )
            bar.text_x = LABEL_WIDTH + bar.width + 4
            bar.text_y = y + BAR_HEIGHT - 4
            row.bars.append(bar)
            y += BAR_HEIGHT + BAR_GAP
        row.label_y = row.y + (y - row.y - BAR_GAP) / 2 + 5
        out.append(row)
        y += ROW_GAP
    return BarChart(
        title=title, rows=out, series_names=series_names, unit=unit, height=max(int(y), 20)
    )
