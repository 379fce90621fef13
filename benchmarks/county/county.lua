-- wrk script of the county load test (benchmarks/county/measure.py).
-- Threads are spread over the application servers (COUNTY_PORTS, e.g. "8660,8661"): thread
-- n talks to server n mod #servers, so the connections divide evenly between them. Every
-- request takes the next line of COUNTY_TARGETS ("host<TAB>path"), each thread starting
-- at its own place, so all centers' host names and pages are visited. One JSON line at the
-- end, as benchmarks/loadtest/report.lua prints it.

local addrs = nil
local threads = 0

function setup(thread)
  if addrs == nil then
    addrs = {}
    for port in string.gmatch(os.getenv("COUNTY_PORTS"), "%d+") do
      table.insert(addrs, wrk.lookup("127.0.0.1", port)[1])
    end
  end
  threads = threads + 1
  thread.addr = addrs[(threads - 1) % #addrs + 1]
  thread:set("id", threads)
end

local targets = {}
local position = 1

function init(args)
  local file = assert(io.open(os.getenv("COUNTY_TARGETS"), "r"))
  for line in file:lines() do
    local host, path = line:match("^(%S+)\t(%S+)$")
    if host then
      table.insert(targets, { host, path })
    end
  end
  file:close()
  position = ((id - 1) * 7919) % #targets + 1
end

function request()
  local target = targets[position]
  position = position % #targets + 1
  return wrk.format("GET", target[2], { ["Host"] = target[1] })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "errors": %d, "non_2xx": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
