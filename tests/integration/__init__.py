"""Tests of what spans layers: the import graph, whole flows."""
