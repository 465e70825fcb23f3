-- A page of 50 appointments from a random id on, as clerk; with an attributes list, only those fields (in the SQL
-- too).    args: appointments, attributes (optional, e.g. id,date)
dofile("bench/common.lua")

function init(args)
  n, attributes = tonumber(args[1]), args[2]; seed()
  auth = bearer("clerk")
end

function request()
  return wrk.format("GET", "/appointments?where%5Bid%5D%5Bgt%5D=" .. math.random(0, n - 50) .. "&limit=50"
    .. (attributes and ("&attributes=" .. attributes) or ""), {Authorization = auth})
end
