"""Benchmark suite: build cost, growth with the number of criteria, refresh latency, page weight.

Run it with ``make bench`` (or ``python -m bench``); see ``bench/run.py`` and BENCHMARKS.md.
Nothing here is imported by the generator or the site.
"""
