"""Reading a chart back: its SVG and its figure parsed, its marks found by tag."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from radslag.charts import Chart

NS = "{http://www.w3.org/2000/svg}"


def parsed(chart: Chart | str) -> ET.Element:
    """The chart's ``<svg>`` element."""
    return ET.fromstring(chart.svg() if isinstance(chart, Chart) else chart)


def figure(chart: Chart) -> ET.Element:
    """The whole figure as a page shows it: caption, SVG, legend and table."""
    return ET.fromstring(str(chart))


def marks(chart: Chart | str, tag: str) -> list[ET.Element]:
    return list(parsed(chart).iter(f"{NS}{tag}"))


def title_of(element: ET.Element) -> str:
    title = element.find(f"{NS}title")
    return "" if title is None or title.text is None else title.text


def number(element: ET.Element, attribute: str) -> float:
    return float(element.attrib[attribute])


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext()).strip()


def table_rows(chart: Chart) -> list[list[str]]:
    """The table alternative's body, a list of cells (the row's header first) per row."""
    table = next(figure(chart).iter("table"))
    body = table.find("tbody")
    assert body is not None
    return [[text_of(cell) for cell in row] for row in body.iter("tr")]
