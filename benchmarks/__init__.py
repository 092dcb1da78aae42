"""Benchmarks, run from the repository root with ``python -m benchmarks``."""

__all__: list[str] = []
