"""Path converters shared by the apps' addresses."""

from __future__ import annotations


class MunicipalityCodeConverter:
    """A municipality's four-digit code (``/kommuner/0180/``), kept as text for its leading zero.

    An address with anything else (``/kommuner/180/``, ``/kommuner/abc/``) does not resolve, so
    every view behind ``<kommun:code>`` gets a well-formed code.
    """

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
