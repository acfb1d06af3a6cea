"""Where ``lint --fix`` puts new keys (issue 15): before the comments that introduce the next key, after
the ones indented with the block; CRLF and BOM handling of the bytes written."""

from __future__ import annotations

import pytest

from vcvalues.core.fix import FixError, fix_text, split_encoding

FIX = [(("isolation", "resourceQuota", "quota", "services.nodeports"), 1, "set it")]
NEW = "  resourceQuota:\n    quota:\n      services.nodeports: 1\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "isolation:\n  enabled: true\n\n# how it is exposed\nservice:\n  type: x\n",
            f"isolation:\n  enabled: true\n{NEW}\n# how it is exposed\nservice:\n  type: x\n",
        ),
        (
            "isolation:\n  enabled: true\n  # kept\n# next: service\nservice:\n  type: x\n",
            f"isolation:\n  enabled: true\n  # kept\n{NEW}# next: service\nservice:\n  type: x\n",
        ),
        (
            "service:\n  type: x\n# trailing\nisolation:\n  enabled: true\n\n# end\n",
            f"service:\n  type: x\n# trailing\nisolation:\n  enabled: true\n{NEW}\n# end\n",
        ),
        (  # nothing detached: appended at the end of the block, as before
            "isolation:\n  enabled: true\nservice:\n  type: x\n",
            f"isolation:\n  enabled: true\n{NEW}service:\n  type: x\n",
        ),
    ],
)
def test_new_keys_go_before_the_comments_of_the_next_key(before: str, after: str) -> None:
    assert fix_text(before, FIX) == after


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a: 1\n", (b"", "a: 1\n", "\n")),
        (b"a: 1\r\nb: 2\r\n", (b"", "a: 1\nb: 2\n", "\r\n")),
        (b"\xef\xbb\xbfa: 1\r\n", (b"\xef\xbb\xbf", "a: 1\n", "\r\n")),
    ],
)
def test_split_encoding(data: bytes, expected: tuple[bytes, str, str]) -> None:
    assert split_encoding(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"a: 1\rb: 2\n", "carriage return"), (b"a: 1\r\nb: 2\n", "mixes LF and CRLF")],
)
def test_split_encoding_refuses_what_it_cannot_write_back(data: bytes, message: str) -> None:
    with pytest.raises(FixError, match=message):
        split_encoding(data)
