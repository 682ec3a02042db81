-- wrk script for bench/run_http_bench.sh: sends `Authorization: Bearer $KEMBAR_TOKEN`
-- (when set) and prints one machine-readable line at the end:
--   RESULT <requests/s> <p50 ms> <p99 ms> <errors> <non-2xx> <requests>
local token = os.getenv("KEMBAR_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, e.status, summary.requests))
end
