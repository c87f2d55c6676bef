"""Realistic French demo data for a municipal EPN.

`fill(size)` runs each area's step in order; each later area adds a module
here with `generate(ctx)` and appends it to STEPS. Sizes: `small` for trying
the app (~40 organisations, ~120 people), `large` for benchmarks (2,000
organisations, 10,000 people, 300 projects, 3,000 project partners, 100,000
interactions).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.services.demo import balance as _balance
from partnerdesk.services.demo import conventions as _conventions
from partnerdesk.services.demo import partners as _partners
from partnerdesk.services.demo import projects as _projects
from partnerdesk.services.demo import review as _review
from partnerdesk.services.demo import dataio as _dataio
from partnerdesk.services.demo import exports as _exports
from partnerdesk.services.demo import meetings as _meetings
from partnerdesk.store import database


@dataclass(frozen=True)
class DemoSize:
    name: str
    organisations: int
    people: int
    interactions: int
    projects: int
    project_partners: int


SIZES = {
    "small": DemoSize("small", organisations=40, people=120, interactions=300, projects=12, project_partners=45),
    "large": DemoSize("large", organisations=2000, people=10000, interactions=100_000, projects=300,
                      project_partners=3000),
}


@dataclass
class DemoContext:
    """What the steps share: the random source, the size, today, and the ids made so far."""

    size: DemoSize
    rng: random.Random
    today: dt.date
    paths: DataPaths | None = None
    ids: dict[str, list[int]] = field(default_factory=dict)


STEPS = [_partners.generate, _projects.generate, _review.generate, _exports.generate, _conventions.generate,
         _dataio.generate, _balance.generate, _meetings.generate]


def fill(size: str = "small", *, seed: int = 20261122, today: dt.date | None = None,
         paths: DataPaths | None = None) -> DemoContext:
    """Fill the open database (expected empty) with demo data."""
    ctx = DemoContext(SIZES[size], random.Random(seed), today or dt.date.today(), paths)
    with database.atomic():
        for step in STEPS:
            step(ctx)
    return ctx


def temporary_folder() -> DataPaths:
    """A throw-away data folder for `--demo`: the real data folder is never touched."""
    return DataPaths(Path(tempfile.mkdtemp(prefix="partnerdesk-demo-"))).ensure()
