"""The modern dialect (policies.*, vcluster.yaml, charts 0.20.0-0.36.1): catalogue, model, render, rules."""
