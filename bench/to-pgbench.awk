# PostgreSQL's statement log (log_statement=all) of one probe request -> a pgbench script of the same SQL.
# Bound values equal to a probe value become pgbench variables (subs: "value=replacement;..."), others literals.
BEGIN {
  n = split(subs, pairs, ";")
  for (i = 1; i <= n; i++) { eq = index(pairs[i], "="); map[substr(pairs[i], 1, eq - 1)] = substr(pairs[i], eq + 1) }
}
function bind(s,   out) {
  out = ""
  while (match(s, /\$[0-9]+/)) {
    out = out substr(s, 1, RSTART - 1) val[substr(s, RSTART + 1, RLENGTH - 1)]
    s = substr(s, RSTART + RLENGTH)
  }
  return out s
}
function flush() { if (sql != "") print sql ";"; sql = "" }
/LOG:  execute [^:]*: / {
  flush()
  sql = $0; sub(/.*LOG:  execute [^:]*: /, "", sql)
  if (sql ~ /^(BEGIN|COMMIT|ROLLBACK|SET |SHOW )/) sql = ""
  next
}
/DETAIL:  Parameters: / && sql != "" {
  line = $0; sub(/.*DETAIL:  Parameters: /, "", line)
  delete val
  # NULL is a bare word in the log (the audit INSERT binds some): without it pgbench got "VALUES (…, , …)" and failed
  while (match(line, /\$[0-9]+ = (NULL|'[^']*')/)) {
    p = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
    num = substr(p, 2, index(p, " ") - 2)
    if (p ~ / = NULL$/) { val[num] = "NULL"; continue }
    v = substr(p, index(p, "'") + 1); v = substr(v, 1, length(v) - 1)
    val[num] = (v in map) ? map[v] : (v ~ /^-?[0-9]+$/ ? v : "'" v "'")
  }
  sql = bind(sql)
}
END { flush() }
