"""A browser without JavaScript: it reads a page's forms and posts what such a browser posts.

A form's fields keep the values the page gave them (hidden fields, checked boxes and radio
buttons, selected options, text), the test fills in others, and pressing a button adds that
button's own name and value, as a browser does for the button it submits with. Nothing runs
that the page's scripts would have done, so a form that needs JavaScript fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from django.test import Client

TEXT_INPUTS = {"text", "hidden", "email", "password", "number", "date", "search", "url", "tel"}


@dataclass
class Button:
    name: str
    value: str
    text: str = ""


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    selects: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    choosable: dict[str, list[str]] = field(default_factory=dict)  # radio and checkbox values

    def values(self) -> dict[str, list[str]]:
        """What the browser would send before anything is changed and without a button."""
        sent: dict[str, list[str]] = {}
        for name, value in self.fields:
            sent.setdefault(name, []).append(value)
        for name, options in self.selects.items():
            chosen = [value for value, selected in options if selected]
            sent[name] = chosen or [options[0][0]] if options else []
        return sent

    def button(self, text: str) -> Button:
        found = [button for button in self.buttons if text in button.text]
        assert len(found) == 1, (
            f"buttons {[b.text for b in self.buttons]}: none or several {text!r}"
        )
        return found[0]


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None
        self._option: tuple[str, bool] | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._button: Button | None = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {key: value or "" for key, value in attributes}
        if tag == "form":
            self.forms.append(Form(attrs.get("action", ""), attrs.get("method", "get").lower()))
        if not self.forms:
            return
        form = self.forms[-1]
        name = attrs.get("name", "")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in TEXT_INPUTS:
                form.fields.append((name, attrs.get("value", "")))
            elif kind in ("checkbox", "radio"):
                form.choosable.setdefault(name, []).append(attrs.get("value", "on"))
                if "checked" in attrs:
                    form.fields.append((name, attrs.get("value", "on")))
            elif kind == "submit":
                form.buttons.append(Button(name, attrs.get("value", ""), attrs.get("value", "")))
        elif tag == "button" and attrs.get("type", "submit").lower() == "submit":
            self._button = Button(name, attrs.get("value", ""))
            self._text = []
        elif tag == "select" and name:
            self._select = name
            form.selects[name] = []
        elif tag == "option" and self._select is not None:
            self._option = (attrs.get("value", ""), "selected" in attrs)
            form.selects[self._select].append(self._option)
        elif tag == "textarea" and name:
            self._textarea = name
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._button is not None or self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "button" and self._button is not None:
            self._button.text = " ".join("".join(self._text).split())
            self.forms[-1].buttons.append(self._button)
            self._button = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text).removeprefix("\n")
            self.forms[-1].fields.append((self._textarea, text))
            self._textarea = None
        elif tag == "select":
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def submit(
    client: Client,
    page: str,
    *,
    button: str,
    which: Callable[[Form], bool] = lambda form: form.method == "post",
    html: str | None = None,
    **changes: str | list[str],
) -> Any:
    """Fill in the form on ``page`` (the first that ``which`` accepts and holds ``button``) and
    press the button whose text contains ``button``; the response, not followed."""
    html = html if html is not None else client.get(page).content.decode()
    candidates = [
        form
        for form in forms_of(html)
        if which(form) and any(button in b.text for b in form.buttons)
    ]
    assert candidates, f"{page}: no form with a button {button!r}"
    form = candidates[0]
    data = form.values()
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    pressed = form.button(button)
    if pressed.name:
        data[pressed.name] = [pressed.value]
    target = urljoin(page, form.action) if form.action else page
    if form.method == "post":
        return client.post(target, data)
    return client.get(target, data)
