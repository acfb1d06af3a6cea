"""Property: generated legacy isolation values convert without errors, the output validates against the
target's upstream schema, reads back (as Helm reads YAML) to the same values, and the quota / limit range
values and switches the user gave survive unchanged once the output is coalesced onto the new defaults."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.convert._support import schema_errors
from vcvalues.convert import convert_values, defaults_020, defaults_036
from vcvalues.core.load import load_yaml

_DEFAULTS = {"0.20": defaults_020.DEFAULTS, "0.36": defaults_036.DEFAULTS}
_RESOURCES = [
    "requests.cpu",
    "requests.memory",
    "limits.cpu",
    "limits.memory",
    "requests.storage",
    "services.nodeports",
    "services.loadbalancers",
    "count/pods",
    "count/configmaps",
    "count/widgets.example.com",
]
# strings that a careless YAML writer would let Helm read back as numbers, booleans or null
_TRICKY = ["1e3", "0x10", "010", "1_000", "yes", "off", "y", "null", "~", "", "1:20", "2024-01-02", ".5"]
_QUANTITY_TEXT = ["10Gi", "500m", "1", "2.5", "128Mi", "0", "1Ti", "100"]

quantities = st.one_of(
    st.integers(min_value=0, max_value=2**53),
    st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.sampled_from(_QUANTITY_TEXT + _TRICKY),
)
switches = st.one_of(st.none(), st.booleans())


def _without_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value is not None}


@st.composite
def legacy_values(draw: st.DrawFn) -> dict[str, Any]:
    limit_keys = st.sampled_from(["cpu", "memory", "ephemeral-storage"])
    isolation = _without_none(
        {
            "enabled": True,
            "podSecurityStandard": draw(st.sampled_from([None, "", "baseline", "restricted", "privileged"])),
            "resourceQuota": _without_none(
                {
                    "enabled": draw(switches),
                    "quota": draw(
                        st.dictionaries(st.sampled_from(_RESOURCES), st.one_of(st.none(), quantities))
                    ),
                    "scopes": draw(st.lists(st.sampled_from(["BestEffort", "NotBestEffort", "Terminating"]))),
                }
            ),
            "limitRange": _without_none(
                {
                    "enabled": draw(switches),
                    "default": draw(st.dictionaries(limit_keys, st.one_of(st.none(), quantities))),
                    "defaultRequest": draw(st.dictionaries(limit_keys, quantities)),
                }
            ),
            "networkPolicy": _without_none(
                {
                    "enabled": draw(switches),
                    "outgoingConnections": {
                        "ipBlock": {
                            "cidr": draw(st.sampled_from(["0.0.0.0/0", "10.0.0.0/8", ""])),
                            "except": draw(st.lists(st.sampled_from(["10.1.0.0/16", "169.254.169.254/32"]))),
                        }
                    },
                }
            ),
        }
    )
    values: dict[str, Any] = {"isolation": isolation}
    if draw(st.booleans()):
        values["securityContext"] = draw(
            st.dictionaries(st.sampled_from(["runAsUser", "runAsGroup"]), st.integers(0, 65535))
        )
    if draw(st.booleans()):
        values["service"] = {"type": draw(st.sampled_from(["ClusterIP", "NodePort", "LoadBalancer"]))}
    if draw(st.booleans()):
        values["coredns"] = {"fallback": draw(st.sampled_from(["8.8.8.8", "1.1.1.1"]))}
    values["syncer"] = {
        "extraArgs": draw(
            st.lists(
                st.sampled_from(
                    [
                        "--service-account-token-secrets=true",
                        "--node-selector=pool=tenants",
                        "--sync-all-nodes",
                        "--enforce-node-selector=true",
                        "--enforce-toleration=dedicated=tenants:NoSchedule",
                        "--tls-san=vc.example.com",
                    ]
                ),
                max_size=4,
            )
        )
    }
    return values


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return type(a) is type(b) and a == b


def _effective(defaults: dict[str, Any], printed: dict[str, Any]) -> dict[str, Any]:
    """Helm's coalesce of one map level: printed keys win, a printed null removes the default."""
    out = dict(defaults)
    for key, value in printed.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


@given(
    values=legacy_values(),
    distro=st.sampled_from(["k3s", "k8s", "k0s", "eks"]),
    target=st.sampled_from(["0.20", "0.36"]),
)
def test_converted_isolation_values_validate_and_keep_quota_and_limits(values, distro, target):
    result = convert_values(values, distro=distro, to=target)

    assert result.ok, result.diagnostics
    assert result.diagnostics == ()
    assert schema_errors(target, result.values) == []

    loaded = load_yaml(result.text, file="converted.yaml")
    assert [d for d in loaded.diagnostics if d.severity.label == "error"] == []
    read_back = loaded.data
    assert read_back == result.values  # Helm reads the printed text back to the very same values

    policies = read_back["policies"]
    defaults = _DEFAULTS[target]["policies"]
    isolation = values["isolation"]
    for name, legacy_name in (("resourceQuota", "resourceQuota"), ("limitRange", "limitRange")):
        enabled = policies.get(name, {}).get("enabled", defaults[name]["enabled"])
        assert enabled == isolation.get(legacy_name, {}).get("enabled", True)

    checks = [
        (("resourceQuota", "quota"), isolation.get("resourceQuota", {}).get("quota", {})),
        (("limitRange", "default"), isolation.get("limitRange", {}).get("default", {})),
        (("limitRange", "defaultRequest"), isolation.get("limitRange", {}).get("defaultRequest", {})),
    ]
    for (section, key), given_map in checks:
        printed = policies.get(section, {}).get(key, {})
        effective = _effective(defaults[section][key], printed)
        for resource, value in given_map.items():
            if value is None:
                assert resource not in effective, (resource, printed)
            else:
                assert _same(effective[resource], value), (resource, effective.get(resource), value)
        for resource, value in defaults[section][key].items():
            if resource not in given_map:  # what the user did not set keeps the new chart's default
                assert _same(effective[resource], value), (resource, effective.get(resource), value)


_KEYS = [
    "isolation",
    "enabled",
    "namespace",
    "podSecurityStandard",
    "nodeProxyPermission",
    "resourceQuota",
    "quota",
    "scopes",
    "scopeSelector",
    "limitRange",
    "default",
    "defaultRequest",
    "networkPolicy",
    "outgoingConnections",
    "ipBlock",
    "cidr",
    "except",
    "securityContext",
    "podSecurityContext",
    "service",
    "type",
    "externalIPs",
    "coredns",
    "fallback",
    "syncer",
    "extraArgs",
    "embeddedEtcd",
    "sync",
    "toHost",
    "controlPlane",
]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**64),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(["--node-selector", "--tls-san=a", "--enforce-node-selector=false", "x", "--", "true"]),
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5),
)


@given(
    values=st.dictionaries(st.sampled_from(_KEYS), _TREES, max_size=6),
    distro=st.sampled_from(["k3s", "k8s"]),
    target=st.sampled_from(["0.20", "0.36"]),
)
def test_any_values_tree_gives_a_result_never_an_exception(values, distro, target):
    result = convert_values(values, distro=distro, to=target)

    assert (result.values is None) == (not result.ok) == (result.text is None)
    if result.ok:
        assert load_yaml(result.text, file="converted.yaml").data == result.values
