"""A pydantic field type for Kubernetes quantities, over :class:`vcvalues.core.quantity.Quantity`.

In a values file a quantity is a string (``500m``, ``1Gi``) or a number (Helm holds ``10`` as the
float64 10 and the chart prints it as ``"10"``). The JSON schema says exactly that:
``{"type": ["string", "number"], "pattern": QUANTITY_PATTERN}`` (a pattern only constrains strings).
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from vcvalues.core.quantity import Quantity, QuantityError
from vcvalues.core.schema_text import QUANTITY_PATTERN, describe_value, quantity_problem

QUANTITY_SCHEMA: dict[str, Any] = {"type": ["string", "number"], "pattern": QUANTITY_PATTERN}


def parse_quantity(value: Any) -> Quantity:
    """Validate one quantity as written in a values file.

    Args:
        value: a string or a finite number (never a boolean).

    Returns:
        The exact quantity.

    Raises:
        PydanticCustomError: the value is not a string or number, or not a Kubernetes quantity.
    """
    if isinstance(value, Quantity):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError(
            "quantity_type", "expected a string or a number, found {found}", {"found": describe_value(value)}
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("quantity", "{text}", {"text": quantity_problem(value)})
    try:
        return Quantity.parse(value, strict=True)
    except QuantityError:
        raise PydanticCustomError("quantity", "{text}", {"text": quantity_problem(value)}) from None


class _QuantityAnnotation:
    """Pydantic hooks: validate with :func:`parse_quantity`, serialize as text, export QUANTITY_SCHEMA."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            parse_quantity, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(QUANTITY_SCHEMA)


QuantityValue = Annotated[Quantity, _QuantityAnnotation]
"""A Kubernetes quantity field: ``500m``, ``1Gi``, ``10`` (string or number), parsed exactly."""
