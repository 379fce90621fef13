"""The county-scale load test: synthetic data for a county and its measurement (`make loadtest-county`)."""
