"""Reading a chart back: its SVG parsed, its marks found by tag."""

from __future__ import annotations

import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def marks(svg: str, tag: str) -> list[ET.Element]:
    return list(parsed(svg).iter(f"{NS}{tag}"))


def title_of(element: ET.Element) -> str:
    title = element.find(f"{NS}title")
    return "" if title is None or title.text is None else title.text


def number(element: ET.Element, attribute: str) -> float:
    return float(element.attrib[attribute])
