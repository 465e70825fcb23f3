-- Shared by the workload scripts: a random seed per thread, the bearer token, one machine-readable summary line.
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function seed()
  math.randomseed(os.time() * 1000 + (tid or 0))
end

-- The Authorization header for a role; run.sh signs the tokens (bench/BenchIssuer.java) and exports them.
function bearer(role)
  local name = "BENCH_TOKEN_" .. string.upper(role)
  return "Bearer " .. (os.getenv(name) or error(name .. " is not set (bench/run.sh sets it)"))
end

function iso(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("BENCH requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
