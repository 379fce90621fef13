"""Tests of the measuring tools under benchmarks/, at tiny scale so they do not rot."""
