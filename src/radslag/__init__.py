"""Rådslag: the platform of the national AI council of Swedish municipalities."""

__version__ = "0.1.0"
