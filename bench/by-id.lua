-- GET /appointments/{random id}?include=doctor,patient, as clerk    args: appointments
dofile("bench/common.lua")

function init(args)
  n = tonumber(args[1]); seed()
  auth = bearer("clerk")
end

function request()
  return wrk.format("GET", "/appointments/" .. math.random(n) .. "?include=doctor,patient", {Authorization = auth})
end
