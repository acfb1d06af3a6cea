"""A StatefulSet with replicas: 1e9 and claim templates: ordinals fitted one at a time up to ORDINALS, then
in bulk, so the simulation ends (it looped 1e9 times) with the same count."""

from __future__ import annotations

import io
from pathlib import Path

from vcvalues.admission.simulate import ORDINALS
from vcvalues.cli import IO, main

STATEFULSET = """\
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 1000000000
  template:
    spec:
      containers:
      - name: db
        image: x
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      resources:
        requests:
          storage: 1Mi
"""
# only counts and storage tracked, no limit range: nothing but requests.storage stops the ordinals
VALUES = """\
isolation:
  enabled: true
  limitRange:
    enabled: false
  resourceQuota:
    quota:
      count/configmaps: null
      count/endpoints: null
      count/secrets: null
      count/services: null
      limits.cpu: null
      limits.ephemeral-storage: null
      limits.memory: null
      requests.cpu: null
      requests.ephemeral-storage: null
      requests.memory: null
      count/pods: 2000000000
      count/persistentvolumeclaims: 2000000000
      requests.storage: 20Gi
"""


def test_a_billion_ordinals_end_with_the_exact_count(tmp_path: Path) -> None:
    workload, values = tmp_path / "sts.yaml", tmp_path / "values.yaml"
    workload.write_text(STATEFULSET)
    values.write_text(VALUES)
    out, err = io.StringIO(), io.StringIO()
    code = main(["check-pods", str(workload), "--values", str(values)], IO(out=out, err=err))
    # 20Gi less the control plane's 5Gi claim, 1Mi per ordinal: 15360 ordinals, past ORDINALS
    fitted = (20 * 1024 - 5 * 1024) // 1
    assert fitted > ORDINALS
    assert code == 1
    assert f"partly admitted StatefulSet db ({fitted}/1000000000)" in out.getvalue()
    assert "over requests.storage by 1Mi" in err.getvalue()
