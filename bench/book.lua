-- POST /appointments into free slots: every request takes its own 30-minute slot after `base` (past the loaded
-- timeline), so no two bookings overlap, whichever doctor and patient they pick. As admin.
-- args: doctors, patients, base epoch
dofile("bench/common.lua")

function init(args)
  doctors, patients, base = tonumber(args[1]), tonumber(args[2]), tonumber(args[3]); seed()
  auth = bearer("admin")
  n = 0
end

function request()
  local slot = n * 64 + tid; n = n + 1
  local body = string.format('{"doctorId": %d, "patientId": %d, "date": "%s", "reason": "Bench booking"}',
    math.random(doctors), math.random(patients), iso(base + slot * 1800))
  return wrk.format("POST", "/appointments", {["Content-Type"] = "application/json", Authorization = auth}, body)
end
