-- PATCH /patients/{random id} with a new phone number, as admin    args: patients
dofile("bench/common.lua")

function init(args)
  patients = tonumber(args[1]); seed()
  auth = bearer("admin")
end

function request()
  local body = string.format('{"phone": "+1 404 555 %04d"}', math.random(0, 9999))
  return wrk.format("PATCH", "/patients/" .. math.random(patients),
    {["Content-Type"] = "application/json", Authorization = auth}, body)
end
