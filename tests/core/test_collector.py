"""`ui/collector.py`: what is frozen, and the collector's long-lived count started again."""

import gc

import pytest

from partnerdesk.ui.collector import keep_out_of_the_collector


@pytest.fixture
def collector():
    """The collector as a fresh process has it: a window opened by an earlier test froze its
    objects, which would count here as frozen before the young collection."""
    was_on = gc.isenabled()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if was_on:
        gc.enable()


@pytest.mark.parametrize("collect_young", [True, False])
def test_frozen_then_a_full_collection_over_nothing(collector, collect_young):
    gc.disable()
    rows = [{"row": [n]} for n in range(20000)]  # long-lived rows, as a list just applied
    runs = []
    gc.callbacks.append(lambda phase, info: phase == "start" and runs.append((info["generation"],
                                                                             gc.get_freeze_count())))
    try:
        keep_out_of_the_collector(collect_young=collect_young)
    finally:
        gc.callbacks.pop()
    assert gc.get_freeze_count() >= len(rows)
    # the last run is a full collection once everything is frozen: it walks nothing, and the
    # collector counts long-lived objects from zero again (no backlog walked later at once)
    assert runs[-1][0] == 2 and runs[-1][1] >= len(rows)
    young = [run for run in runs if run[1] == 0]
    assert young == ([(1, 0)] if collect_young else [])
