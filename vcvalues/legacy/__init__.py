"""The legacy dialect (isolation.*, charts 0.15-0.19): catalogue, model, validation, render, rules."""
