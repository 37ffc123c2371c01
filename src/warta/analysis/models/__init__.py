"""Shipped classifier weights and the numpy-only runtime that reads them.

Weights are trained with scikit-learn by the scripts in ``training/`` but saved as plain
arrays (``numpy.savez_compressed``): vocabulary, idf, coefficients, intercepts. Loading them
needs numpy only, so a scikit-learn upgrade cannot break a shipped model.
"""

from warta.analysis.models.linear import LinearModel, featurize, load_model, tokenize

__all__ = ["LinearModel", "featurize", "load_model", "tokenize"]
