"""The value model: the potential annual benefit of AI per municipality and area, from net
costs and explicit assumptions, with low, central and high ranges."""

from __future__ import annotations

from radslag.decide.value.model import (
    CENTRAL,
    HIGH,
    LOW,
    ValueEstimate,
    net_costs_from_key_figures,
    potential_benefit,
)

__all__ = [
    "CENTRAL",
    "HIGH",
    "LOW",
    "ValueEstimate",
    "net_costs_from_key_figures",
    "potential_benefit",
]
