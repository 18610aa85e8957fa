"""Checks of the release packaging (spec, version, constraints, notices): no Qt needed."""
