"""The cards of one project after a move, handed to the boards while the move is announced.

A move changes the cards of one project only. `MoveCardCommand` reads them (one small
query) and emits `data_changed("projects")` inside `announcing(project_id, cards)`;
a `PipelineBoard` that receives the signal then updates those cards in its columns
(`CardListModel.update_cards`: rows removed and inserted, no reset) instead of reading
every card of every project again. Everybody else refreshes as for any other change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from partnerdesk.domain.projects import PartnerCard

_announced: list[tuple[int, list[PartnerCard]]] = []


@contextmanager
def announcing(project_id: int, cards: list[PartnerCard]) -> Iterator[None]:
    _announced.append((project_id, cards))
    try:
        yield
    finally:
        _announced.pop()


def announced() -> tuple[int, list[PartnerCard]] | None:
    """(project id, its cards now) while a move is being announced, else None."""
    return _announced[-1] if _announced else None
