-- wrk script for bench/hostile-load.sh: each connection is one client sending, in turn, good jobs (JSON and a small
-- multipart upload) and hostile requests (malformed JSON, wrapping numbers, unknown type, a 50 MB JSON body, an upload
-- over custodian.upload.max-size).
--   wrk -t20 -c20 -d60s -s bench/hostile-load.lua http://127.0.0.1:PORT -- <base64 user:password> <ids file prefix> <upload limit bytes>
-- Writes the ids of the accepted jobs (from Location) to <prefix>-<thread>.ids and prints one RESULT line with the
-- answers by kind and status.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local function multipart(boundary, type, bytes)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" .. type .. "\r\n" ..
         "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n" ..
         "Content-Type: application/octet-stream\r\n\r\n" .. string.rep("x", bytes) .. "\r\n--" .. boundary .. "--\r\n"
end

function init(args)
  local auth = "Basic " .. args[1]
  ids = io.open(args[2] .. "-" .. tid .. ".ids", "w")
  local limit = tonumber(args[3])
  local json = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  local form = { ["Authorization"] = auth, ["Content-Type"] = "multipart/form-data; boundary=b0undary" }
  -- kind, expected outcome, request (built once: the large bodies are formatted a single time per thread)
  kinds = {
    { "good-json", "201", function(n) return wrk.format("POST", "/api/jobs", json, '{"type":"echo","payload":{"n":' .. n .. '}}') end },
    { "good-upload", "201", (function() local r = wrk.format("POST", "/api/jobs", form, multipart("b0undary", "gzip", 65536)); return function() return r end end)() },
    { "bad-json", "4xx", function() return wrk.format("POST", "/api/jobs", json, '{"type":"echo","payload":') end },
    { "wrapping-number", "4xx", function() return wrk.format("POST", "/api/jobs", json, '{"type":"echo","timeoutSeconds":4294967306}') end },
    { "unknown-type", "4xx", function() return wrk.format("POST", "/api/jobs", json, '{"type":"mine-bitcoin"}') end },
    { "json-50MB", "4xx", (function() local r = wrk.format("POST", "/api/jobs", json, '{"type":"echo","payload":"' .. string.rep("a", 50 * 1024 * 1024) .. '"}'); return function() return r end end)() },
    { "upload-over-limit", "4xx", (function() local r = wrk.format("POST", "/api/jobs", form, multipart("b0undary", "gzip", limit + 1024)); return function() return r end end)() },
    { "good-json", "201", function(n) return wrk.format("POST", "/api/jobs", json, '{"type":"echo","payload":{"n":' .. n .. '}}') end },
  }
  n, current = 0, "?"
  counts = {}
end

function request()
  n = n + 1
  local k = kinds[(n - 1) % #kinds + 1]
  -- one connection per thread (-t = -c), so the answer that arrives next is to this request; after a socket error
  -- wrk asks for a new request and the failed one is counted among the socket errors, not here
  current = k[1]
  return k[3](n)
end

function response(status, headers, body)
  local key = current .. " " .. status
  counts[key] = (counts[key] or 0) + 1
  if status == 201 then
    local location = headers["Location"] or headers["location"] or ""
    ids:write(string.match(location, "[^/]+$") or "", "\n")
    ids:flush()
  end
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    -- counts is a table per thread; wrk's thread:get copies tables across
    local c = t:get("counts")
    for k, v in pairs(c) do all[k] = (all[k] or 0) + v end
  end
  local keys = {}
  for k in pairs(all) do table.insert(keys, k) end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do table.insert(parts, k .. "=" .. all[k]) end
  local e = summary.errors
  io.write(string.format("RESULT seconds=%.1f requests=%d socket_errors=%d/%d/%d/%d p99_ms=%.1f answers: %s\n",
    summary.duration / 1e6, summary.requests, e.connect, e.read, e.write, e.timeout, latency:percentile(99) / 1000,
    table.concat(parts, ", ")))
end
