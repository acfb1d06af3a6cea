"""CIDRs as the API server reads them (NetworkPolicy ``ipBlock``), shared by both dialects' rules.

kubernetes pkg/apis/networking/validation/validation.go ``ValidateIPBlock``: ``cidr`` is required and must
parse as a CIDR (``netutils.ParseCIDRSloppy``: leading zeros allowed), each ``except`` entry must parse too
and be a strict subset: ``cidr`` contains its network address and has a shorter prefix. An IPv6 entry is
never inside an IPv4 ``cidr`` (and vice versa).
"""

from __future__ import annotations

import ipaddress
import re

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# ASCII digits only: str.isdigit() also takes "\u00b2" and Arabic-Indic digits, which Go refuses.
_PREFIX = re.compile(r"0*([0-9]{1,3})")  # Go's dtoi: leading zeros allowed; beyond 3 digits is > 128
_OCTET = re.compile(r"[0-9]{1,3}")


def parse_cidr(text: object) -> Network | None:
    """``text`` as Go's ParseCIDRSloppy reads it (address/prefix, host bits allowed), or None."""
    if not isinstance(text, str) or text.count("/") != 1 or "%" in text:
        return None
    address, prefix = text.split("/")
    bits = _PREFIX.fullmatch(prefix)
    if bits is None:
        return None
    if "." in address and ":" not in address:  # sloppy IPv4: octets may have leading zeros
        octets = address.split(".")
        if len(octets) != 4 or not all(_OCTET.fullmatch(o) for o in octets):
            return None
        address = ".".join(str(int(o)) for o in octets)
    try:
        return ipaddress.ip_network(f"{address}/{int(bits[1])}", strict=False)
    except ValueError:
        return None
