"""Formatters for diagnostics: text, json, github, sarif. ``REPORTERS`` maps a format name to one."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.diagnostics import Diagnostic, Severity, count_by_severity, format_key_path

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

Unreadable = tuple[str, str]
"""A file that could not be read, and why: ``("values.yaml", "no such file")``."""
Reporter = Callable[[Sequence[Diagnostic], int, Mapping[str, str], Sequence[Unreadable]], str]


# Line breaks and other control characters a key, value or file name may hold: printed raw, a key
# "a\n::warning::x" starts a line that GitHub Actions runs as a workflow command (issue 15).
_UNPRINTABLE = lazy_compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r"}
    return named.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """``text`` on one line: control characters and line separators written as escapes (``\\n``)."""
    return _UNPRINTABLE.sub(_escape_control, text)


def format_text(
    diagnostics: Sequence[Diagnostic],
    files: int,
    summaries: Mapping[str, str],
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """``FILE:LINE:COL: SEVERITY [RULE] MESSAGE`` then an indented ``hint:`` line; one line each, whatever
    the keys, values and file names hold (see :func:`printable`)."""
    lines: list[str] = []
    for d in diagnostics:
        path = format_key_path(d.key_path)
        where = f" ({path})" if path and path not in d.message else ""
        lines.append(
            printable(f"{d.file}:{d.line}:{d.column}: {d.severity.label} [{d.rule_id}] {d.message}{where}")
        )
        if d.hint:
            lines.append(printable(f"  hint: {d.hint}"))
    counts = count_by_severity(diagnostics)
    if diagnostics:
        unread = f", {len(unreadable)} unreadable" if unreadable else ""
        lines.append(
            f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
            f"{counts[Severity.INFO]} info(s) in {files} file(s){unread}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def diagnostic_to_json(d: Diagnostic) -> dict[str, object]:
    """One diagnostic in the JSON shape of DESIGN §13."""
    return {
        "rule": d.rule_id,
        "severity": d.severity.label,
        "message": d.message,
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "path": list(d.key_path),
        "hint": d.hint,
        "fixable": d.fixable,
    }


def format_json(
    diagnostics: Sequence[Diagnostic],
    files: int,
    summaries: Mapping[str, str],
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """``{"diagnostics": [...], "summary": {...}}``; with files that could not be read also
    ``"unreadable": [{"file", "message"}]`` and ``summary.unreadable`` (DESIGN §13's shape otherwise)."""
    counts = count_by_severity(diagnostics)
    summary = {
        "files": files,
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
    }
    document: dict[str, object] = {"diagnostics": [diagnostic_to_json(d) for d in diagnostics]}
    if unreadable:
        document["unreadable"] = [{"file": file, "message": why} for file, why in unreadable]
        summary["unreadable"] = len(unreadable)
    document["summary"] = summary
    import json  # the json and sarif formats only: a text lint does without it

    return json.dumps(document, indent=2) + "\n"


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_escape(text: str, *, prop: bool) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData / escapeProperty)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return printable(text)  # other control characters too: some log viewers break lines on them


def format_github(
    diagnostics: Sequence[Diagnostic],
    files: int,
    summaries: Mapping[str, str],
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=RULE::MESSAGE``."""
    lines = []
    for d in diagnostics:
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        file, title = _github_escape(d.file, prop=True), _github_escape(d.rule_id, prop=True)
        lines.append(
            f"::{_GITHUB_LEVEL[d.severity]} file={file},line={d.line},col={d.column},title={title}::"
            + _github_escape(message, prop=False)
        )
    for file, why in unreadable:
        name = _github_escape(file, prop=True)
        lines.append(f"::error file={name},title=unreadable::" + _github_escape(f"{file}: {why}", prop=False))
    return "\n".join(lines) + ("\n" if lines else "")


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_sarif(
    diagnostics: Sequence[Diagnostic],
    files: int,
    summaries: Mapping[str, str],
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """SARIF 2.1.0 with one rule descriptor per rule id (GitHub code scanning accepts it)."""
    from vcvalues import __version__

    rule_ids = sorted({d.rule_id for d in diagnostics} | set(summaries))
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [
        {
            "id": rule_id,
            "name": "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-")),
            "shortDescription": {"text": summaries.get(rule_id, rule_id)},
        }
        for rule_id in rule_ids
    ]
    results = []
    for d in diagnostics:
        text = d.message + (f". hint: {d.hint}" if d.hint else "")
        results.append(
            {
                "ruleId": d.rule_id,
                "ruleIndex": index[d.rule_id],
                "level": _SARIF_LEVEL[d.severity],
                "message": {"text": text},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(d.file),
                            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
                        }
                    }
                ],
            }
        )
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "vcvalues",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not unreadable,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": f"{file}: {why}"},
                                "locations": [{"physicalLocation": {"artifactLocation": _artifact(file)}}],
                            }
                            for file, why in unreadable
                        ],
                    }
                ],
            }
        ],
    }
    import json

    return json.dumps(document, indent=2) + "\n"


def _artifact(file: str) -> dict[str, object]:
    """A SARIF artifactLocation: the file as a percent-encoded URI reference; stdin has no URI."""
    from urllib.parse import quote

    if file == "<stdin>":
        return {"description": {"text": "standard input"}}
    return {"uri": quote(file, safe="/:@!$&'()*+,;=-._~")}


REPORTERS: dict[str, Reporter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}


def format_diagnostics(
    diagnostics: Sequence[Diagnostic],
    *,
    fmt: str = "text",
    files: int = 1,
    summaries: Mapping[str, str] | None = None,
    charts: Mapping[str, Mapping[str, object]] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> str:
    """Render diagnostics (sorted by place) in one of FORMATS, with the files that could not be read.

    ``charts`` (file -> the chart it was checked against) is added to the JSON document as ``"charts"``.
    """
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    text = REPORTERS[fmt](ordered, files, summaries or {}, unreadable)
    if fmt == "json" and charts:
        import json

        document = json.loads(text)
        document["charts"] = dict(charts)
        text = json.dumps(document, indent=2) + "\n"
    return text
