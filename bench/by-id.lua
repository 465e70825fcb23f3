-- GET /appointments/{random id}?include=doctor,patient    args: appointments
dofile("bench/common.lua")

function init(args)
  n = tonumber(args[1]); seed()
end

function request()
  return wrk.format("GET", "/appointments/" .. math.random(n) .. "?include=doctor,patient")
end
