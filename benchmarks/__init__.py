"""Speed benchmarks of the engine (``python -m benchmarks``; see benchmarks/README.md)."""
