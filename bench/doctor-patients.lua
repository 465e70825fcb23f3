-- GET /doctors/{random id}/patients?limit=20, as clerk    args: doctors
dofile("bench/common.lua")

function init(args)
  doctors = tonumber(args[1]); seed()
  auth = bearer("clerk")
end

function request()
  return wrk.format("GET", "/doctors/" .. math.random(doctors) .. "/patients?limit=20", {Authorization = auth})
end
