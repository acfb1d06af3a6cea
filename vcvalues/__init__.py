"""vcvalues: compile and validate the Helm values of the vcluster chart, exactly as Helm reads them.

The public API is re-exported here; heavy parts are imported on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
