-- wrk script for bench/claims-throughput.sh: each connection is one external worker.
--   wrk -t8 -c8 -d30s -s bench/worker.lua http://127.0.0.1:PORT -- <base64 worker:password> <type> <pairs|claims>
-- pairs:  claim, then complete the claimed job, and again (a worker's cycle).
-- claims: claim only (the claimed jobs stay RUNNING): the claim call's own rate.
-- One connection per thread (-t = -c), so the per-thread state below is per connection. Prints claims, completes,
-- empty answers (204) and errors at the end; the shell script checks the database afterwards.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("n", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  auth = "Basic " .. args[1]
  claim_body = '{"workerId":"wrk-' .. n .. '","types":["' .. args[2] .. '"]}'
  complete_body = '{"workerId":"wrk-' .. n .. '","result":{"ok":true}}'
  mode = args[3] or "pairs"
  headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  held = nil
  claims, completes, empty, errors = 0, 0, 0, 0
end

function request()
  if held then
    return wrk.format("POST", "/api/jobs/" .. held .. "/complete", headers, complete_body)
  end
  return wrk.format("POST", "/api/jobs/claim", headers, claim_body)
end

function response(status, hdrs, body)
  if held then
    if status == 200 then completes = completes + 1 else errors = errors + 1 end
    held = nil
  elseif status == 200 then
    claims = claims + 1
    if mode == "pairs" then
      held = body:match('"id"%s*:%s*"([0-9a-f-]+)"')
    end
  elseif status == 204 then
    empty = empty + 1
  else
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local c, k, e, x = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("claims"); k = k + t:get("completes"); e = e + t:get("empty"); x = x + t:get("errors")
  end
  local s = summary.duration / 1e6
  io.write(string.format("RESULT claims=%d completes=%d empty=%d errors=%d seconds=%.2f claims_per_s=%.0f requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    c, k, e, x, s, c / s, summary.requests / s,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
