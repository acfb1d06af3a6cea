"""The value classes on check-pods' path behave as the frozen dataclasses they replaced."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import pkgutil

import pytest

import vcvalues.admission
import vcvalues.pss
from vcvalues.admission import HostPolicy, LimitRangeItem, PodShape, Refusal, Verdict
from vcvalues.pss import PodReport, policy_for


def test_no_class_of_pss_or_admission_is_a_dataclass():
    # the dataclasses import (with inspect, ast, dis, tokenize) costs a cold check-pods ~10 ms; core's
    # own classes are out of this test's scope
    for package in (vcvalues.pss, vcvalues.admission):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__ == info.name:
                    assert not dataclasses.is_dataclass(value), value


def test_a_verdict_compares_without_its_position():
    refusal = Refusal("syncer", "privileged", "Pod p: privileged", "f", 3, 5, ("spec",))
    one = Verdict("f", "Pod", "p", 1, 0, (refusal,), lambda: (1, 1))
    other = Verdict("f", "Pod", "p", 1, 0, (refusal,), lambda: (9, 9))
    assert one == other and hash(one) == hash(other)
    assert one != Verdict("f", "Pod", "p", 1, 1, (refusal,))
    assert (one.line, one.column, other.line) == (1, 1, 9)
    assert repr(Verdict("f", "Pod", "p", 1, 1)) == (
        "Verdict(file='f', kind='Pod', name='p', wanted=1, admitted=1, refusals=())"
    )
    assert Verdict("f", "Pod", "p", 1, 1).where() == (1, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.admitted = 1  # type: ignore[misc]


def test_records_keep_their_defaults_and_copy():
    host = HostPolicy(syncer=policy_for("baseline"))
    changed = host.replace(namespace="team-a", notes=("n",))
    assert (changed.namespace, changed.syncer, changed.notes) == ("team-a", host.syncer, ("n",))
    assert host.namespace == "default"
    assert LimitRangeItem("Container").max == {} and PodShape(()).overhead == {}
    assert PodReport((), 0, 0).not_workloads == {}
    item = LimitRangeItem("Pod")
    assert pickle.loads(pickle.dumps(item)) == item
    with pytest.raises(dataclasses.FrozenInstanceError):
        host.namespace = "x"  # type: ignore[misc]
