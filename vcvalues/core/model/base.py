"""Shared building blocks of the values model: the section base class and the scalar types.

Every modelled section is strict (no coercion: the string ``"false"`` is not a boolean, ``1`` is not a
string), closed (``extra="forbid"``) and read by its camelCase alias only, so the model accepts exactly
what the exported JSON schema accepts. Every key is optional and accepts ``null``: Helm deletes a default
when a user sets it to null, so an absent key and a null key are both legal.
"""

from __future__ import annotations

from typing import Annotated, Any

import annotated_types as at
from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic.alias_generators import to_camel

# Kubernetes user and group ids: validation.IsValidUserID / IsValidGroupID accept 0 <= id <= 2^31-1.
MAX_ID = 2147483647


class Section(BaseModel):
    """Base of every modelled values section: strict, closed, camelCase keys, frozen."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        alias_generator=to_camel,
        use_attribute_docstrings=True,
    )


def _integral(value: Any) -> Any:
    """Helm holds every number of a values file as float64: ``2.0`` is the integer 2, as in JSON schema."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


# A whole number written as 2 or 2.0; never a boolean, never "2".
Integer = Annotated[int, BeforeValidator(_integral)]
NonNegativeInt = Annotated[int, at.Ge(0), BeforeValidator(_integral)]
# A user or group id as the API server accepts it.
UnixId = Annotated[int, at.Ge(0), at.Le(MAX_ID), BeforeValidator(_integral)]
