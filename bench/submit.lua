-- wrk script for bench/jobs-throughput.sh: each connection is one client submitting echo jobs.
--   wrk -t8 -c8 -d30s -s bench/submit.lua http://127.0.0.1:PORT -- <base64 user:password>
-- Prints the number of jobs accepted (201) and of other answers at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  headers = { ["Authorization"] = "Basic " .. args[1], ["Content-Type"] = "application/json" }
  n, accepted, errors = 0, 0, 0
end

function request()
  n = n + 1
  return wrk.format("POST", "/api/jobs", headers, '{"type":"echo","payload":{"n":' .. n .. '}}')
end

function response(status, hdrs, body)
  if status == 201 then accepted = accepted + 1 else errors = errors + 1 end
end

function done(summary, latency, requests)
  local a, x = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted"); x = x + t:get("errors")
  end
  local s = summary.duration / 1e6
  io.write(string.format("RESULT accepted=%d errors=%d seconds=%.2f submits_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    a, x, s, a / s, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
