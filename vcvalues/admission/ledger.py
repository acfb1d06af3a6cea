"""The namespace's quota usage as workloads are admitted one after another.

Starts from the control plane's own pods, services and claims; :meth:`Ledger.fit` admits as many of a
workload's identical objects as every applicable quota still holds, and words the refusal of the next one
as the resourcequota admission controller does.
"""

from __future__ import annotations

from collections.abc import Sequence

from vcvalues.admission.host import ClaimShape, Consumer, PodShape, Quota, ServiceShape, Shape
from vcvalues.admission.quota import ZERO, applies, pretty, tracks, usage
from vcvalues.core._record import record
from vcvalues.core.quantity import Quantity


@record
class Fit:
    """How many of ``count`` objects were admitted; for the first refused one the message, the quota and
    by how much each exceeded resource goes over."""

    admitted: int
    message: str = ""
    quota: str = ""
    over: tuple[tuple[str, Quantity], ...] = ()


@record
class CapacityRow:
    """One line of the capacity table."""

    quota: str
    resource: str
    control_plane: Quantity
    workloads: Quantity
    hard: Quantity
    simulated: bool = True  # False: no pod, service or claim counts under it (configmaps, secrets...)

    @property
    def left(self) -> Quantity:
        """Headroom: hard - control plane - workloads (negative: over)."""
        return ZERO + self.hard - self.control_plane - self.workloads


def _most(amount: Quantity, free: Quantity, below: int) -> int:
    """The largest n < ``below`` with n * amount <= free, by bisection on exact comparisons (no digits of a
    huge quantity are expanded)."""
    low, high = 0, below - 1
    while low < high:
        middle = (low + high + 1) // 2
        if amount * middle <= free:
            low = middle
        else:
            high = middle - 1
    return low


def simulated(name: str) -> bool:
    """A pod, service or claim counts under quota resource ``name``."""
    return any(tracks(shape, name) for shape in (PodShape(()), ServiceShape(), ClaimShape(None)))


def _canonical(value: Quantity) -> Quantity:
    """A computed total prints canonically, as status.used does."""
    return ZERO + value


class Ledger:
    """Used per quota and resource: the control plane's, then the workloads' on top."""

    def __init__(self, quotas: Sequence[Quota], control_plane: Sequence[Consumer]) -> None:
        self.quotas = tuple(quotas)
        self.base: list[dict[str, Quantity]] = []
        for quota in self.quotas:
            used = dict.fromkeys(quota.hard, ZERO)
            for consumer in control_plane:
                if applies(quota, consumer.shape):
                    for name, amount in usage(consumer.shape).items():
                        if name in used:
                            used[name] = used[name] + amount * consumer.count
            self.base.append(used)
        self.used = [dict(used) for used in self.base]

    def _fits(self, index: int, requested: dict[str, Quantity], count: int) -> int:
        quota, used = self.quotas[index], self.used[index]
        room = count
        for name, amount in requested.items():
            free = quota.hard[name] - used[name]
            if free < ZERO:
                return 0
            if amount > ZERO and amount * room > free:
                room = _most(amount, free, room)
        return room

    def fit(self, shape: Shape, count: int) -> Fit:
        """Admit up to ``count`` objects of this shape; the ledger keeps what was admitted."""
        if not self.quotas:
            return Fit(count)
        delta = usage(shape)
        touched = []
        admitted = count
        for index, quota in enumerate(self.quotas):
            if not applies(quota, shape):
                continue
            requested = {name: delta[name] for name in quota.hard if name in delta}
            touched.append((index, requested))
            admitted = min(admitted, self._fits(index, requested, count))
        fit = Fit(admitted)
        if admitted < count:
            fit = self._refusal(touched, admitted)
        for index, requested in touched:
            for name, amount in requested.items():
                self.used[index][name] = self.used[index][name] + amount * admitted
        return fit

    def _refusal(self, touched: list[tuple[int, dict[str, Quantity]]], admitted: int) -> Fit:
        for index, requested in touched:
            quota, used = self.quotas[index], self.used[index]
            now = {name: _canonical(used[name] + amount * admitted) for name, amount in requested.items()}
            exceeded = sorted(name for name in requested if now[name] + requested[name] > quota.hard[name])
            if not exceeded:
                continue
            message = (
                f"exceeded quota: {quota.name}, requested: {pretty({n: requested[n] for n in exceeded})}, "
                f"used: {pretty({n: now[n] for n in exceeded})}, "
                f"limited: {pretty({n: quota.hard[n] for n in exceeded})}"
            )
            over = tuple((n, _canonical(now[n] + requested[n] - quota.hard[n])) for n in exceeded)
            return Fit(admitted, message, quota.name, over)
        return Fit(admitted)  # pragma: no cover - _fits said one does not fit

    def capacity(self) -> list[CapacityRow]:
        """Per quota and hard resource: control plane, workloads, hard (left is computed)."""
        rows = []
        for quota, base, used in zip(self.quotas, self.base, self.used, strict=True):
            for name in sorted(quota.hard):
                rows.append(
                    CapacityRow(
                        quota.name,
                        name,
                        _canonical(base[name]),
                        _canonical(used[name] - base[name]),
                        quota.hard[name],
                        simulated(name),
                    )
                )
        return rows
