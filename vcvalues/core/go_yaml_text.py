"""Where libyaml's scanner and go-yaml v2's differ on the same text, mask characters so the C parser reads
what go-yaml reads; the masks are private-use characters of the same length, so every position stays.

Two differences are masked (go-yaml v2.4 ``scannerc.go`` read, checked by ``tests/oracle/test_reader.py``):

- ``yaml_parser_scan_plain_scalar``: in flow context a ``:`` not followed by a blank is part of a plain
  scalar (``[fe80::/10]``, ``{a:b}`` is the key ``a:b``); the bundled libyaml stops with "found unexpected
  ':'" exactly there. Each refused ``:`` (and the later ones of the same word) is masked and the text
  parsed again.
- ``yaml_parser_scan_to_next_token`` skips a byte order mark at column 0 only when go-yaml's *buffer*
  starts with one (``is_bom`` ignores its index), so a U+FEFF that starts a later line is content
  (``\\ufeffkey: 1``); libyaml skips it. Such a U+FEFF is masked before parsing.
"""

from __future__ import annotations

__all__ = ["MAX_FLOW_COLON_PASSES", "Masks"]

MAX_FLOW_COLON_PASSES = 256  # parses per text; a file needing more is refused with a syntax diagnostic
_BREAKS = "\n\r\x85\u2028\u2029"
_WORD_END = frozenset(" \t\n\r\x85\u2028\u2029,?[]{}")
_BLANKZ = frozenset(" \t\n\r\x85\u2028\u2029")
_PRIVATE_USE = range(0xE000, 0xF900)


def _unused_char(text: str, taken: str) -> str:
    for code in _PRIVATE_USE:
        char = chr(code)
        if char not in taken and char not in text:
            return char
    raise ValueError("no unused private-use character")  # pragma: no cover - needs 6,400 of them in use


class Masks:
    """The text the C parser reads, and how to turn its scalar values back into the original text."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text
        self.has_slash_escape = "\\/" in text
        self._restore: dict[str, str] = {}
        self.active = False  # some character is masked: scalar values need restore()
        self._passes = 0
        if text.find("\ufeff", 1) != -1:
            self._mask_line_start_boms()

    def restore(self, value: str) -> str:
        """A scalar value as written in the original text."""
        for mask, original in self._restore.items():
            if mask in value:
                value = value.replace(mask, original)
        return value

    def _mask(self, original: str) -> str:
        for mask, char in self._restore.items():
            if char == original:
                return mask
        mask = _unused_char(self.original, "".join(self._restore))
        self._restore[mask] = original
        self.active = True
        return mask

    def _mask_line_start_boms(self) -> None:
        chars = list(self.text)
        mask = ""
        for index in range(1, len(chars)):
            if chars[index] == "\ufeff" and chars[index - 1] in _BREAKS:
                mask = mask or self._mask("\ufeff")
                chars[index] = mask
        if mask:
            self.text = "".join(chars)

    def mask_flow_colons(self, offset: int) -> bool:
        """Mask the ``:`` at ``offset`` and the later ones of its word that go-yaml keeps in the scalar;
        False once the pass limit is reached."""
        self._passes += 1
        if self._passes > MAX_FLOW_COLON_PASSES or self.text[offset : offset + 1] != ":":
            return False
        mask = self._mask(":")
        chars = list(self.text)
        end = len(chars)
        index = offset
        while index < end and chars[index] not in _WORD_END:
            if chars[index] == ":" and (index + 1 == end or chars[index + 1] not in _BLANKZ):
                chars[index] = mask
            index += 1
        self.text = "".join(chars)
        return True
