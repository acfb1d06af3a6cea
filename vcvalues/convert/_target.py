"""The vcluster release line a conversion targets: 0.20 or 0.36."""

from __future__ import annotations

import enum

from vcvalues.errors import UsageError


class Target(enum.Enum):
    """Target chart line of ``vcvalues convert --to``.

    The values follow ``vcluster convert config`` of the matching release: ``0.20`` as at tag v0.20.0,
    ``0.36`` as at tag v0.36.1 (where every legacy distro becomes ``controlPlane.distro.k8s``).
    """

    V0_20 = "0.20"
    V0_36 = "0.36"

    @classmethod
    def parse(cls, text: str | Target | None) -> Target:
        """Parse ``0.20`` / ``0.36`` (also ``v0.20``, ``0.20.3``); ``None`` gives the newest, 0.36."""
        if text is None:
            return cls.V0_36
        if isinstance(text, Target):
            return text
        cleaned = text.strip().lower().removeprefix("v")
        parts = cleaned.split(".")
        major_minor = ".".join(parts[:2])
        if len(parts) in (2, 3) and all(part.isascii() and part.isdigit() for part in parts):
            for target in cls:
                if target.value == major_minor:
                    return target
        choices = ", ".join(t.value for t in cls)
        raise UsageError(f"unknown conversion target {text!r}: choose one of {choices}")

    @property
    def schema_tag(self) -> str:
        """The upstream release whose chart and schema this target follows."""
        return {Target.V0_20: "v0.20.0", Target.V0_36: "v0.36.1"}[self]
