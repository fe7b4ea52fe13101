"""The tests' HTML comparison: the same elements match however they are written, others do not."""

from __future__ import annotations

from tests.html import contains, occurrences

PAGE = '<ul><li><a class="x" href="/a/">Ett</a></li><li><a href="/b/">Två</a></li></ul>'


def test_attribute_order_and_whitespace_do_not_matter() -> None:
    assert contains(PAGE, '<a href="/a/"  class="x">Ett</a>')
    assert occurrences(PAGE, "<li>\n  <a href='/b/'>Två</a>\n</li>") == 1


def test_another_text_attribute_or_element_does_not_match() -> None:
    assert not contains(PAGE, '<a class="x" href="/a/">Två</a>')
    assert not contains(PAGE, '<a class="y" href="/a/">Ett</a>')
    assert not contains(PAGE, '<b class="x">Ett</b>')
