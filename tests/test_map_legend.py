"""The county map's classes and legend: round, contiguous ranges from 1 to the largest figure, never a class
that no figure could fall in ("1–1, 2–2, ... 5–5" for figures up to 3 was the old legend)."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from web.admin.charts import GREYS
from web.admin.charts import ZERO
from web.admin.charts import _classes
from web.admin.charts import _grey
from web.admin.charts import county_map_svg


def labels(values: list[float]) -> list[str]:
    return [shade.label for shade in _classes(values)]


def test_small_figures_get_one_class_each() -> None:
    assert labels([0, 1, 3, 2]) == ["1", "2", "3"]
    assert labels([0, 1]) == ["1"]


def test_larger_figures_get_round_bounds_ending_at_the_largest() -> None:
    assert labels([308, 12, 0]) == ["1–100", "101–200", "201–300", "301–308"]
    assert labels([7]) == ["1–2", "3–4", "5–6", "7"]
    assert labels([1000]) == ["1–200", "201–400", "401–600", "601–800", "801–1\u00a0000"]


def test_nothing_at_all_has_no_classes_and_reads_white() -> None:
    assert _classes([0, 0]) == [] and _classes([]) == []
    assert _grey(0, _classes([0])) == ZERO


def test_the_darkest_grey_always_means_the_top_class() -> None:
    for top in (1, 2, 3, 4, 7, 308):
        classes = _classes([top])
        assert classes[-1].grey == GREYS[-1] and _grey(top, classes) == GREYS[-1]
    assert [c.grey for c in _classes([2])] == [GREYS[0], GREYS[-1]]


def test_the_map_and_both_legends_show_the_same_real_ranges() -> None:
    svg = county_map_svg({"55": 2, "56": 1, "03": 0}, title="Interessert per fylke", unit=" interessert")
    html_legend = svg[svg.index('<ul class="map-legend"') :]
    items = re.findall(r"</svg>([^<]+)</li>", html_legend)
    assert items == ["0", "1", "2"]
    svg_legend = svg[svg.index('<g class="map-legend-svg">') : svg.index("</g>")]
    assert re.findall(r'font-size="12">([^<]+)</text>', svg_legend) == ["0", "1", "2"]
    assert "1–1" not in svg and "2–2" not in svg


@settings(max_examples=200, deadline=500)
@given(st.lists(st.integers(min_value=0, max_value=2_000_000), max_size=15))
def test_every_figure_falls_in_exactly_one_class_of_a_contiguous_legend(values: list[int]) -> None:
    classes = _classes(values)
    top = max(values, default=0)
    if top == 0:
        assert classes == []
        return
    assert 1 <= len(classes) <= len(GREYS)
    assert classes[0].low == 1 and classes[-1].high == top
    for before, after in pairwise(classes):
        assert after.low == before.high + 1
    assert all(c.low <= c.high for c in classes)
    assert all(c.low < c.high for c in classes[:-1]) or top <= len(GREYS)  # one-number classes only when few
    for value in values:
        if value:
            assert sum(c.low <= value <= c.high for c in classes) == 1
            assert _grey(value, classes) == next(c.grey for c in classes if c.low <= value <= c.high)
