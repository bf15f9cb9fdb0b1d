"""Invented cases whose reading by the rules the fitted decisions (issue 17) overturn.

The weights are fitted on real labelled text and estimated on companies never fitted on; on these few
invented sentences they are sure the rules' reading is no fact of the company and drop it. Each stays a
strict xfail: the day a refit keeps the reading again, the test says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

FITTED_DROPS: dict[str, str] = {}


# Readings the fitted decisions hold at about even odds (p(none) within a few hundredths of 0.5): a refit
# on unchanged data keeps or drops them by chance, so their xfail is not strict.
FITTED_EVEN = {
    "history_creee_en_then_elle_fr": "a valuation whose currency is carried, in a sentence naming the "
    "company by a pronoun (p about 0.5)",
    "pre_and_post_money-b39": "a post-money valuation whose currency is carried from the pre-money "
    "figure, in a one-sentence text (p about 0.45)",
    "ordinal_not_round+history-a16": "an earlier round whose currency and kind are both carried from the "
    "figure before it (p about 0.5)",
}


def params(cases: Sequence[tuple[Any, ...]], ids: Sequence[str]) -> list[Any]:
    """``cases`` as pytest params, those the fitted decisions overturn marked as strict xfails."""
    out: list[Any] = []
    for case, case_id in zip(cases, ids, strict=True):
        # A case is known by its name, or (where the first field is a category) by its test id.
        why = FITTED_DROPS.get(str(case[0])) or FITTED_DROPS.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=f"the fitted decisions drop {why}")] if why else []
        even = FITTED_EVEN.get(str(case[0])) or FITTED_EVEN.get(case_id)
        if even:
            marks = [pytest.mark.xfail(strict=False, reason=f"the fitted decisions may drop {even}")]
        out.append(pytest.param(*case, id=case_id, marks=marks))
    return out
