"""Scalar types of the 0.20+ model: StrBool as the chart reads it, open sections, quantity maps."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from vcvalues.core._record import record
from vcvalues.core.model.base import Section
from vcvalues.core.model.quantity import QuantityValue
from vcvalues.core.schema_text import describe_value

QuantityMap = dict[str, QuantityValue | None]
StringMap = dict[str, str]


class OpenSection(Section):
    """A section modelled in part: the keys named here are typed, the others are kept as given (the
    release's schema decides which other keys exist)."""

    model_config = ConfigDict(extra="allow")


@record
class StrBool:
    """A config ``StrBool`` (``enabled: auto|true|false``): the schema accepts any string or a boolean.

    The chart reads it with ``toString`` and compares with ``"true"``/``"false"``, so any other string
    (``"True"``, ``"yes"``, ``""``) acts as ``auto``.

    Attributes:
        raw: the value as written (a string or a boolean).
    """

    raw: str | bool

    @property
    def chart_string(self) -> str:
        """What the templates compare: ``toString`` of the value."""
        if isinstance(self.raw, bool):
            return "true" if self.raw else "false"
        return self.raw

    @property
    def is_true(self) -> bool:
        """Explicitly on."""
        return self.chart_string == "true"

    @property
    def is_false(self) -> bool:
        """Explicitly off."""
        return self.chart_string == "false"

    @property
    def is_auto(self) -> bool:
        """Neither: follows its partner (the quota/limit range duo) or the chart's own condition."""
        return not (self.is_true or self.is_false)


def _parse_strbool(value: Any) -> StrBool:
    if isinstance(value, StrBool):
        return value
    if isinstance(value, (str, bool)):
        return StrBool(value)
    raise PydanticCustomError(
        "strbool_type", "expected a boolean or a string, found {found}", {"found": describe_value(value)}
    )


class _StrBoolAnnotation:
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _parse_strbool,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.raw),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": ["string", "boolean"]}


StrBoolValue = Annotated[StrBool, _StrBoolAnnotation]
"""A StrBool field: ``auto``, ``true``, ``false`` or any string; a boolean."""
