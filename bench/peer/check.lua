-- wrk script (wrk -s check.lua URL BODY_FILE): POSTs the GraphQL request in BODY_FILE, counts the answers that are
-- not HTTP 200 with a "data" object and no "errors", and prints one WRKJSON line with throughput, latency
-- percentiles and those counts.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  file:close()
  ok, non200, bad = 0, 0, 0
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  elseif body:find('"data":{', 1, true) == nil or body:find('"errors"', 1, true) ~= nil then
    bad = bad + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local ok_total, non200_total, bad_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    non200_total = non200_total + thread:get("non200")
    bad_total = bad_total + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"ok":%d,"non200":%d,"bad_body":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, ok_total, non200_total, bad_total, e.connect, e.read, e.write, e.status, e.timeout))
end
