"""Helpers shared by test modules: plain functions, no fixtures (fixtures live in the
conftest.py of the folder that needs them).

pyproject.toml puts tests/ on the import path, so a test imports them as
``from helpers.extraction import facts_of``.
"""
