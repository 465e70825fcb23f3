-- GET /doctors/{random id}/patients?limit=20    args: doctors
dofile("bench/common.lua")

function init(args)
  doctors = tonumber(args[1]); seed()
end

function request()
  return wrk.format("GET", "/doctors/" .. math.random(doctors) .. "/patients?limit=20")
end
