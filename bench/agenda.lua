-- The agenda page of a random doctor from a random moment of the loaded timeline, as clerk (the front desk).
-- args: doctors, first epoch, last epoch
dofile("bench/common.lua")

function init(args)
  doctors, t0, t1 = tonumber(args[1]), tonumber(args[2]), tonumber(args[3]); seed()
  auth = bearer("clerk")
end

function request()
  local t = t0 + math.random(0, math.floor((t1 - t0) / 1800)) * 1800
  return wrk.format("GET", "/appointments?where%5BdoctorId%5D=" .. math.random(doctors)
    .. "&where%5Bdate%5D%5Bgte%5D=" .. iso(t) .. "&order=date&limit=20&include=patient", {Authorization = auth})
end
