"""Long-lived rows out of the garbage collector's way.

Thousands of long-lived cards (and their Qt wrappers) make each full collection walk them
all while holding the interpreter: a worker thread allocating the next list then freezes the
GUI thread for 50 to 100 ms at 10,000 people (a heartbeat late with no GUI CPU spent). Call
`keep_out_of_the_collector()` once a big list has been applied.
"""

from __future__ import annotations

import gc


def keep_out_of_the_collector(*, collect_young: bool = True) -> None:
    """Move every object alive now out of the garbage collector's way (`gc.freeze`).

    Frozen objects are still freed as usual when nothing uses them any more; young cyclic
    garbage is collected first (a partial collection) so it does not get frozen.
    `collect_young=False` skips that collection: at the end of start-up, with the collector
    off until then, the young generation holds everything start-up made (55,000 objects,
    20 ms to walk on the GUI thread) for about 600 cyclic leftovers, which are kept instead.
    """
    if collect_young:
        gc.collect(1)
    gc.freeze()
    # With everything frozen a full collection walks nothing (0.01 ms), and it starts the
    # collector's count of long-lived objects again from zero. Without it the count still
    # included the frozen objects: the next full collection waited until a quarter as many new
    # ones had piled up, then walked them all at once (100 ms pauses opening cards, bench_day).
    gc.collect()
