"""The shared core: read YAML as Helm reads it, coalesce, quantities, diagnostics, suppression, report."""
