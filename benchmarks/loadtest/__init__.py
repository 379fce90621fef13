"""The load test behind `make loadtest`: wrk for GETs, a thread pool for complaint POSTs."""
