"""Helm's ``--set`` / ``--set-string`` parser (``strvals.ParseInto`` / ``ParseIntoString``).

Rewritten from helm/helm v3.21.4 ``pkg/strvals/parser.go`` (read, not copied; unchanged from v3.19.0 to
v3.21.4), with Helm 4's one difference (v4.2.3, same file): ``parse`` ends silently on any error that
``errors.Is(err, io.EOF)``, and the index errors now wrap theirs (``fmt.Errorf("error parsing index:
%w")``), so an unterminated index (``a[0``, ``a[0][1``) ends parsing like the end of input. Helm 3
compares ``err == io.EOF`` against ``errors.Wrap``'s new error and fails with "error parsing index: EOF".
Comma-separated
assignments, dotted keys, ``a[0]=x`` list indexes padded with nil, ``a={x,y}`` lists, backslash escapes,
typed scalars (``true``/``false``/``null`` in any case, int64 via ``strconv.ParseInt`` base 10 unless the
text starts with ``0``), at most 30 nested dots and index 65536, and Helm's error messages. Go's io.EOF
ends parsing silently, so ``a[0]`` sets ``a: []`` and ``a.`` sets nothing, as in Helm.
"""

from __future__ import annotations

from typing import Any

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.gofmt import GoInt64, go_quote, go_quote_rune, go_type
from vcvalues.errors import UsageError

__all__ = [
    "HELM_3",
    "HELM_4",
    "MAX_INDEX",
    "MAX_LIST_DEPTH",
    "MAX_NESTED_NAME_LEVEL",
    "parse_set_into",
    "typed_value",
]

HELM_3, HELM_4 = 3, 4
MAX_INDEX = 65536
MAX_NESTED_NAME_LEVEL = 30
MAX_LIST_DEPTH = 512

_KEY_STOP = frozenset("=[,.")
_LIST_STOP = frozenset("[.=")
_INDEX_STOP = frozenset("]")
_VALUE_STOP = frozenset(",")
_LIST_VALUE_STOP = frozenset(",}")
_INT = lazy_compile(r"[+-]?[0-9]+")
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_INT64_DIGITS = 19


class _Eof(Exception):
    """Go's io.EOF: the input ended where a key could start; parsing stops without error."""


class _NotList(Exception):
    """Go's ErrNotList: the value does not start with ``{``."""


class _Panic(Exception):
    """A Go runtime panic (failed type assertion) that ``key``'s deferred recover turns into an error."""


def _assert_type(value: object, expected: type, go_name: str) -> Any:
    if isinstance(value, expected):
        return value
    found = "nil" if value is None else go_type(value)
    raise _Panic(f"interface conversion: interface {{}} is {found}, not {go_name}")


def _atoi(text: str) -> int:
    """Go ``strconv.Atoi`` on a 64-bit platform; raises UsageError with Go's NumError text."""
    if not _INT.fullmatch(text):
        raise UsageError(f"error parsing index: strconv.Atoi: parsing {go_quote(text)}: invalid syntax")
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > _INT64_DIGITS or not _INT64_MIN <= int(text) <= _INT64_MAX:
        raise UsageError(f"error parsing index: strconv.Atoi: parsing {go_quote(text)}: value out of range")
    return int(text)


def _equal_fold(text: str, word: str) -> bool:
    """Go ``strings.EqualFold`` against a lower-case ASCII word (U+017F folds to ``s``)."""
    return len(text) == len(word) and text.replace("\u017f", "s").lower() == word


def typed_value(text: str, *, as_string: bool = False) -> object:
    """Go ``typedVal``: the value ``--set`` stores for the text after ``=``.

    Args:
        text: the unescaped value text.
        as_string: ``--set-string``: always the text itself.

    Returns:
        True/False/None for ``true``/``false``/``null`` in any case; a :class:`GoInt64` for a base-10
        int64 that does not start with ``0`` (``0`` itself is 0; ``007`` stays a string); else the text.
    """
    if as_string:
        return text
    for word, value in (("true", True), ("false", False), ("null", None)):
        if _equal_fold(text, word):
            return value
    if text == "0":
        return GoInt64(0)
    if text and text[0] != "0" and _INT.fullmatch(text):
        digits = text.lstrip("+-").lstrip("0")
        if len(digits) <= _INT64_DIGITS and _INT64_MIN <= int(text) <= _INT64_MAX:
            return GoInt64(int(text))
    return text


def _set(data: dict[str, Any], key: str, value: object) -> None:
    if key:
        data[key] = value


def _set_index(items: list[Any], index: int, value: object) -> list[Any]:
    """Go ``setIndex``: grow (a new list padded with None) or assign in place."""
    if index < 0:
        raise UsageError(f"negative {index} index not allowed")
    if index > MAX_INDEX:
        raise UsageError(f"index of {index} is greater than maximum supported index of {MAX_INDEX}")
    if len(items) <= index:
        items = items + [None] * (index + 1 - len(items))
    items[index] = value
    return items


class _Parser:
    def __init__(self, text: str, *, as_string: bool, helm_major: int) -> None:
        self._text = text
        self._pos = 0
        self._as_string = as_string
        self._helm_major = helm_major
        self._list_depth = 0

    def _read(self) -> str | None:
        if self._pos >= len(self._text):
            return None
        self._pos += 1
        return self._text[self._pos - 1]

    def _until(self, stop: frozenset[str]) -> tuple[str, str | None]:
        """Go ``runesUntil``: text up to a stop rune (returned; None at end), ``\\x`` escapes x."""
        out: list[str] = []
        while True:
            char = self._read()
            if char is None:
                return "".join(out), None
            if char in stop:
                return "".join(out), char
            if char == "\\":
                char = self._read()
                if char is None:
                    return "".join(out), None
            out.append(char)

    def parse(self, data: dict[str, Any]) -> None:
        try:
            while True:
                self._key(data, 0)
        except _Eof:
            return

    def _key(self, data: dict[str, Any], level: int) -> None:
        """Go ``key``; one frame per level (the chain a[0].b[0].b... recurses through it)."""
        try:
            key, last = self._until(_KEY_STOP)
            if last is None:
                if not key:
                    raise _Eof
                raise UsageError(f"key {go_quote(key)} has no value")
            if last == "[":
                index = self._index()
                items: list[Any] = []
                if key in data:
                    items = _assert_type(data[key], list, "[]interface {}")
                try:
                    items = self._list_item(items, index, level)
                except (UsageError, _Eof):
                    _set(data, key, items)
                    raise
                _set(data, key, items)
            elif last == "=":
                try:
                    _set(data, key, self._value_list())
                except _Eof:
                    _set(data, key, "")
                    raise
                except _NotList:
                    _set(data, key, typed_value(self._until(_VALUE_STOP)[0], as_string=self._as_string))
            elif last == ",":
                _set(data, key, "")
                raise UsageError(f"key {go_quote(key)} has no value (cannot end with ,)")
            else:
                level += 1
                if level > MAX_NESTED_NAME_LEVEL:
                    raise UsageError(
                        "value name nested level is greater than maximum supported nested level of "
                        f"{MAX_NESTED_NAME_LEVEL}"
                    )
                inner: dict[str, Any] = {}
                if key in data:
                    inner = _assert_type(data[key], dict, "map[string]interface {}")
                try:
                    self._key(inner, level)
                except (UsageError, _Eof):
                    if inner:
                        _set(data, key, inner)
                    raise
                if not inner:
                    raise UsageError(f"key map {go_quote(key)} has no value")
                _set(data, key, inner)
        except _Panic as panic:  # Go: key's deferred recover()
            raise UsageError(f"unable to parse key: {panic}") from None

    def _index(self) -> int:
        text, last = self._until(_INDEX_STOP)
        if last is None:
            if self._helm_major >= HELM_4:
                raise _Eof  # errors.Is(fmt.Errorf("error parsing index: %w", io.EOF), io.EOF)
            raise UsageError("error parsing index: EOF")
        return _atoi(text)

    def _list_item(self, items: list[Any], index: int, level: int) -> list[Any]:
        """Go ``listItem``. Go recurses on each ``[`` of ``a[0][1]...``; here the chain is a loop, and it
        stops at the reader's 512 levels (DESIGN §12; Helm has no limit), so neither this parser nor the
        code that later walks the values can exceed Python's recursion limit."""
        outer: list[tuple[list[Any], int]] = []  # the lists above, and the index taken in each
        while True:
            if index < 0:
                raise UsageError(f"negative {index} index not allowed")
            rest, last = self._until(_LIST_STOP)
            if rest:
                # Go formats the []rune with %q: each rune quoted, e.g. ['x' 'y'].
                runes = " ".join(go_quote_rune(char) for char in rest)
                raise UsageError(f"unexpected data at end of array index: [{runes}]")
            if last is None:
                raise _Eof
            if last != "[":
                break
            if self._list_depth + len(outer) + 2 > MAX_LIST_DEPTH:
                raise UsageError(f"--set values nested deeper than {MAX_LIST_DEPTH} levels; refused")
            next_index = self._index()
            current: list[Any] = []
            if len(items) > index and items[index] is not None:
                current = _assert_type(items[index], list, "[]interface {}")
            outer.append((items, index))
            items, index = current, next_index
        if last == "=":
            try:
                value: object = self._value_list()
            except _Eof:
                value = ""
            except _NotList:
                value = typed_value(self._until(_VALUE_STOP)[0], as_string=self._as_string)
        else:
            inner: dict[str, Any] = {}
            if len(items) > index:
                if not isinstance(items[index], dict):
                    items[index] = {}
                inner = items[index]
            if self._list_depth + len(outer) + 2 > MAX_LIST_DEPTH:
                raise UsageError(f"--set values nested deeper than {MAX_LIST_DEPTH} levels; refused")
            self._list_depth += len(outer) + 2  # the lists and the map in them
            try:
                self._key(inner, level)
            finally:
                self._list_depth -= len(outer) + 2
            value = inner
        result = _set_index(items, index, value)
        while outer:
            parent, parent_index = outer.pop()
            result = _set_index(parent, parent_index, result)
        return result

    def _value_list(self) -> list[Any]:
        first = self._read()
        if first is None:
            raise _Eof
        if first != "{":
            self._pos -= 1
            raise _NotList
        values: list[Any] = []
        while True:
            text, last = self._until(_LIST_VALUE_STOP)
            if last is None:
                raise UsageError("list must terminate with '}'")
            values.append(typed_value(text, as_string=self._as_string))
            if last == "}":
                if self._pos < len(self._text) and self._text[self._pos] == ",":
                    self._pos += 1
                return values


def parse_set_into(
    expr: str, target: dict[str, Any], *, as_string: bool = False, helm_major: int = HELM_3
) -> None:
    """Apply one ``--set`` (or ``--set-string``) argument to ``target`` exactly as Helm does.

    Args:
        expr: the argument, e.g. ``a.b=1,list[0]=x,tags={a,b}``.
        target: the values to update in place (Helm passes the merged ``-f`` files).
        as_string: ``--set-string``: keep every value a string.
        helm_major: the Helm line to follow, 3 (v3.21.4) or 4 (v4.2.3); they differ on ``a[0``.

    Raises:
        UsageError: bad syntax, with strvals' message (Helm prefixes ``failed parsing --set data: ``).
            The target may then hold the assignments made before the error, as in Helm.
    """
    if helm_major not in (HELM_3, HELM_4):
        raise UsageError(f"Helm {helm_major} is not supported; use 3 or 4")
    _Parser(expr, as_string=as_string, helm_major=helm_major).parse(target)
