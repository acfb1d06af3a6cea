"""The new-chart defaults stated in defaults_020 / defaults_036 match the released values and schemas."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from tests.conftest import shared_path
from tests.unit.convert._support import VALUES_FILES, schema_validator
from vcvalues.convert import defaults_020, defaults_036

_ABSENT = object()
_MODULES = {"0.20": defaults_020, "0.36": defaults_036}


def _leaves(tree, path=()):
    if isinstance(tree, dict) and tree:
        for key, value in tree.items():
            yield from _leaves(value, (*path, key))
    else:
        yield path, tree


def _lookup(tree, path):
    for part in path:
        if not isinstance(tree, dict) or part not in tree:
            return _ABSENT
        tree = tree[part]
    return tree


@pytest.fixture(scope="module", params=sorted(_MODULES))
def target(request):
    return request.param


@pytest.fixture(scope="module")
def chart_values(target):
    return YAML(typ="safe", pure=True).load(
        shared_path("reference", "vcluster", VALUES_FILES[target]).read_text()
    )


def test_every_stated_default_is_the_released_value_or_an_unlisted_zero_value(target, chart_values):
    mismatches = []
    for path, stated in _leaves(_MODULES[target].DEFAULTS):
        released = _lookup(chart_values, path)
        if released is _ABSENT:
            # the chart's values.yaml does not list it: the config struct's zero value applies
            if stated not in ("", False, {}, []):
                mismatches.append((path, stated, "absent"))
        elif type(released) is not type(stated) or released != stated:
            mismatches.append((path, stated, released))
    assert mismatches == []


def test_the_stated_defaults_validate_against_the_target_schema(target):
    errors = [e.message for e in schema_validator(target).iter_errors(_MODULES[target].DEFAULTS)]
    assert errors == []
