"""Claim Explainer: claim records and source articles to a static site of claim explainers."""

__version__ = "0.1.0"
