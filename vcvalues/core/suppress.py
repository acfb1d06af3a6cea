"""Which diagnostics the user switched off: --disable, config, inline ``# vcvalues: disable=ID``."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.diagnostics import Diagnostic, Severity

# Always on: they mean Helm cannot read the values, or reads something other than what was written.
ALWAYS_ON = frozenset({"syntax", "schema", "duplicate-key", "unknown-key"})


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    *,
    inline: Mapping[str, Mapping[int, frozenset[str]]],
    disabled: Collection[str] = (),
    known_rules: Collection[str] = (),
    severities: Mapping[str, Severity] | None = None,
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; report inline comments that name no rule (``suppression``).

    ``severities`` (from the config) replaces the severity of the rules it names, except always-on ones
    (rules with a check get theirs from the engine, which keeps an applied fix a warning).
    """
    kept: list[Diagnostic] = []
    for d in diagnostics:
        if d.rule_id in ALWAYS_ON:
            kept.append(d)
            continue
        if d.rule_id in disabled:
            continue
        if d.rule_id in inline.get(d.file, {}).get(d.line, frozenset()):
            continue
        override = severities.get(d.rule_id) if severities else None
        kept.append(d if override is None else d.with_severity(override))
    if known_rules:
        for file, lines in inline.items():
            for line, ids in lines.items():
                for rule_id in sorted(ids - set(known_rules)) or (["<none>"] if not ids else []):
                    kept.append(
                        Diagnostic(
                            "suppression",
                            Severity.WARNING,
                            f"'# vcvalues: disable=' names no known rule ({rule_id!r})",
                            file,
                            line,
                            1,
                            hint="name the rule ids to switch off, e.g. # vcvalues: disable=yaml11-boolean; "
                            "`vcvalues rules` lists them",
                        )
                    )
    return kept


_SUPPRESSION = lazy_compile(r"#\s*vcvalues:\s*disable=(?P<ids>[A-Za-z0-9_,\- ]*)")
_BLOCK_HEADER = lazy_compile(r"[|>][-+0-9]*[ \t]*(#.*)?$")
_CLOSING = {"'": lazy_compile(r"(?:[^']|'')*'"), '"': lazy_compile(r'(?:[^"\\]|\\.)*"')}
_PLAIN_RUN = lazy_compile(r"[^ \t:,\[\]{}]*")  # then a space, ':', or a flow indicator decides


def scan_suppressions(text: str) -> dict[int, frozenset[str]]:
    """Line -> rule ids named by ``# vcvalues: disable=ID[,ID]`` *comments* on that line.

    Only real comments count: the text inside a quoted scalar or a block scalar that looks like one
    (``a: "x # vcvalues: disable=..."``) used to suppress too, when a regex read raw lines (issue 15).
    """
    found: dict[int, frozenset[str]] = {}
    if "vcvalues:" not in text:
        return found
    for number, comment in yaml_comments(text):
        match = _SUPPRESSION.match(comment)
        if match:
            found[number] = frozenset(p.strip() for p in match["ids"].split(",") if p.strip())
    return found


def yaml_comments(text: str) -> list[tuple[int, str]]:
    """(line number, ``#...`` text) of every comment, as a YAML scanner finds them: not inside single-
    or double-quoted scalars (which may span lines) nor inside block scalars (``|``, ``>``).

    A small tokenizer, not a parser: it knows where a scalar may start (line start, after ``- ``,
    ``? ``, ``: ``, and in a flow collection after ``[``, ``{``, ``,``; an anchor or a tag before it)
    and that ``#`` opens a comment only at a line start or after whitespace. Malformed YAML is
    reported by the reader; here it only costs a missed suppression.
    """
    comments: list[tuple[int, str]] = []
    quote = ""  # the quote of a scalar still open at the end of the previous line
    block_indent = -1  # inside a block scalar: lines indented more than this (or blank) are content
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent >= 0:
            if not stripped.strip() or indent > block_indent:
                continue
            block_indent = -1
        if not quote and _first_after_space(line, "'\"|>", " \t[{,") < 0:  # nothing can open here
            plain = _first_after_space(line, "#", " \t")
            if plain >= 0:
                comments.append((number, line[plain:]))
            continue
        comment, quote, block = _scan_line(line, quote)
        if comment is not None:
            comments.append((number, line[comment:]))
        if block:
            block_indent = indent
    return comments


def _scan_line(line: str, quote: str) -> tuple[int | None, str, bool]:
    """(column of a comment or None, quote still open at the end, a block scalar header ends it)."""
    i, end, flow = 0, len(line), 0
    expect_value = not quote
    while i < end:
        char = line[i]
        if quote:  # jump to the closing quote ('' and \" do not close), or the line stays open
            closing = _CLOSING[quote].match(line, i)
            if closing is None:
                return None, quote, False
            i, quote = closing.end(), ""
            continue
        if char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i, "", False
        if char in " \t":
            i += 1
            continue
        if expect_value and char in "'\"":
            quote = char
            expect_value = False
        elif expect_value and char in "|>" and _BLOCK_HEADER.match(line, i):
            comment = line.find("#", i)
            return (comment if comment >= 0 else None), "", True
        elif char in "[{" and (expect_value or flow):
            flow += 1
            expect_value = True
        elif char in "]}" and flow:
            flow -= 1
        elif _indicator(line, i, char, flow=flow, expect_value=expect_value):
            expect_value = True
        elif expect_value and char in "&!":  # an anchor or a tag: the scalar comes after it
            while i < end and line[i] not in " \t":
                i += 1
            continue
        else:  # a plain scalar: jump to where a comment, a value or a flow indicator may come
            expect_value = False
            run = _PLAIN_RUN.match(line, i)
            i = max(run.end() if run else i, i + 1)
            continue
        i += 1
    return None, quote, False


def _indicator(line: str, i: int, char: str, *, flow: int, expect_value: bool) -> bool:
    """``char`` at ``i`` is an indicator after which a scalar may start."""
    spaced = i + 1 == len(line) or line[i + 1] in " \t"
    if char == ",":
        return flow > 0
    if char in "-?":
        return expect_value and spaced
    return char == ":" and (spaced or flow > 0)


def _first_after_space(line: str, chars: str, before: str) -> int:
    """Index of the first of ``chars`` at the line start or right after one of ``before``; -1: none.

    Only lines where a quote or block indicator can open a scalar (``"it's"`` cannot) need the
    tokenizer; str.find is ~15x faster than a regex with a look-behind alternation here.
    """
    found = -1
    for char in chars:
        start = line.find(char)
        while start >= 0 and (found < 0 or start < found):
            if start == 0 or line[start - 1] in before:
                found = start
                break
            start = line.find(char, start + 1)
    return found
