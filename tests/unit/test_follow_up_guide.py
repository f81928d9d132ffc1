"""The staff guide to follow-up records lists every allowed value of their choices, each with its meaning."""

from __future__ import annotations

import pytest

from generator.records.meeting import DECLARATION_KINDS
from generator.records.scrutiny import REFERRAL_KINDS, REFERRAL_OUTCOMES, RESPONSE_OUTCOMES
from generator.records.tracker import ACTION_STATUS_MEANINGS
from generator.site.tracked import ORIGINS
from tests.conftest import ROOT

GUIDE = ROOT / "content" / "guide" / "follow-up.md"
CHOICES = {
    "action status": ACTION_STATUS_MEANINGS,
    "response outcome": RESPONSE_OUTCOMES,
    "referral kind": REFERRAL_KINDS,
    "referral outcome": REFERRAL_OUTCOMES,
    "declaration kind": DECLARATION_KINDS,
    "origin": ORIGINS,
}


@pytest.mark.parametrize("name", CHOICES)
def test_the_guide_gives_every_value_with_its_meaning(name: str) -> None:
    text = " ".join(GUIDE.read_text(encoding="utf-8").replace("`", "").split())
    missing = [value for value, meaning in CHOICES[name].items() if f"{value}: {meaning.split(' (')[0]}" not in text]
    assert missing == []
