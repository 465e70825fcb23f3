#!/usr/bin/env python3
"""Draws the numbers deploy/grafana/clinic.json shows, from two /q/metrics scrapes, as an HTML page.

Usage: render.py BEFORE AFTER SECONDS OUT.html. Rates are (after - before) / SECONDS, as Prometheus's rate() over
the same window; p99 is histogram_quantile over the buckets' increase. No Grafana here, so the same queries are
computed by hand, panel for panel.
"""
import html
import re
import sys
from collections import defaultdict

LINE = re.compile(r'^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def parse(path):
    series = {}
    for line in open(path, encoding="utf-8"):
        m = LINE.match(line)
        if m and not line.startswith("#"):
            labels = tuple(sorted(LABEL.findall(m.group(2) or "")))
            series[(m.group(1), labels)] = float(m.group(3))
    return series


def select(series, name, **where):
    for (n, labels), value in series.items():
        d = dict(labels)
        if n == name and all(re.fullmatch(v, d.get(k, "")) for k, v in where.items()):
            yield d, value


def increase(before, after, name, by, **where):
    out = defaultdict(float)
    for labels, value in select(after, name, **where):
        key = tuple(labels.get(b, "") for b in by)
        out[key] += value - before.get((name, tuple(sorted(labels.items()))), 0.0)
    return out


def quantile(q, buckets):
    """histogram_quantile: linear interpolation inside the bucket that holds the q-th observation."""
    bounds = sorted(buckets.items(), key=lambda kv: float("inf") if kv[0] == "+Inf" else float(kv[0]))
    total = bounds[-1][1] if bounds else 0
    if total <= 0:
        return None
    rank, lower, below = q * total, 0.0, 0.0
    for le, count in bounds:
        upper = float("inf") if le == "+Inf" else float(le)
        if count >= rank:
            if upper == float("inf"):
                return lower
            return lower + (upper - lower) * (rank - below) / max(count - below, 1e-9)
        lower, below = upper, count
    return lower


def bars(rows, unit, fmt="{:.2f}"):
    if not rows:
        return '<p class="none">no samples in this window</p>'
    top = max(v for _, v in rows) or 1
    cells = "".join(
        f'<tr><td class="k">{html.escape(k)}</td><td class="bar"><span style="width:{100 * v / top:.0f}%"></span></td>'
        f'<td class="v">{fmt.format(v)} {unit}</td></tr>' for k, v in rows)
    return f"<table>{cells}</table>"


def stat(value, unit):
    return f'<div class="stat">{value}<small> {unit}</small></div>'


def main(before_path, after_path, seconds, out_path):
    before, after, secs = parse(before_path), parse(after_path), float(seconds)
    per_min = lambda name, **w: sum(increase(before, after, name, [], **w).values()) * 60 / secs
    panels = []

    panels.append(("Bookings created / min", stat(f"{per_min('clinic_bookings_created_total'):.0f}", "/min")))
    panels.append(("Booking conflicts refused (409) / min",
                   stat(f"{per_min('clinic_bookings_conflicts_total'):.0f}", "/min")))
    refused = increase(before, after, "clinic_access_refused_total", ["status"])
    panels.append(("Refused: 401 / 403 per min", bars(
        [(s[0], v * 60 / secs) for s, v in sorted(refused.items())], "/min", "{:.0f}")))

    counts = increase(before, after, "http_server_requests_seconds_count", ["method", "uri"], uri="/(doctors|patients|appointments|audit-events).*")
    sums = increase(before, after, "http_server_requests_seconds_sum", ["method", "uri"], uri="/(doctors|patients|appointments|audit-events).*")
    routes = sorted(((" ".join(k), v / secs) for k, v in counts.items() if v > 0), key=lambda kv: -kv[1])[:10]
    panels.append(("Requests / s by route", bars(routes, "req/s")))
    buckets = defaultdict(dict)
    for labels, value in select(after, "http_server_requests_seconds_bucket"):
        key = (labels.get("method", ""), labels.get("uri", ""))
        old = before.get(("http_server_requests_seconds_bucket", tuple(sorted(labels.items()))), 0.0)
        buckets[key][labels["le"]] = buckets[key].get(labels["le"], 0.0) + value - old
    p99 = []
    for route, _ in routes:
        q = quantile(0.99, buckets.get(tuple(route.split(" ", 1)), {}))
        if q is not None:
            p99.append((route, q * 1000))
    panels.append(("p99 latency by route", bars(p99, "ms", "{:.1f}")))
    means = [(" ".join(k), sums[k] / v * 1000) for k, v in counts.items() if v > 0]
    panels.append(("Mean latency by route", bars(sorted(means, key=lambda kv: -kv[1])[:10], "ms", "{:.1f}")))
    errors = increase(before, after, "http_server_requests_seconds_count", ["status"], status="[45]..")
    panels.append(("Errors / s by status", bars([(s[0], v / secs) for s, v in sorted(errors.items())], "/s")))

    gauge = lambda name: sum(v for _, v in select(after, name))
    panels.append(("Connections", bars([("active", gauge("agroal_active_count")),
                                        ("available", gauge("agroal_available_count")),
                                        ("max used", gauge("agroal_max_used_count"))], "", "{:.0f}")))
    acquired = sum(increase(before, after, "agroal_acquire_count_total", []).values()) / secs
    panels.append(("Waiting for a connection", bars([("awaiting", gauge("agroal_awaiting_count")),
                                                     ("acquired / s", acquired)], "", "{:.1f}")))
    statements = sum(increase(before, after, "hibernate_statements_total", [], status="prepared").values()) / secs
    queries = sum(increase(before, after, "hibernate_query_executions_total", []).values()) / secs
    panels.append(("Statements / s", bars([("prepared", statements), ("queries", queries)], "/s", "{:.0f}")))
    tx = increase(before, after, "hibernate_transactions_total", ["result"])
    panels.append(("Transactions / s", bars([(k[0], v / secs) for k, v in sorted(tx.items())], "/s", "{:.0f}")))

    heap = sum(v for l, v in select(after, "jvm_memory_used_bytes", area="heap")) / 2 ** 20
    heap_max = sum(v for l, v in select(after, "jvm_memory_max_bytes", area="heap") if v > 0) / 2 ** 20
    panels.append(("Heap used", bars([("used", heap), ("max", heap_max)], "MiB", "{:.0f}")))
    panels.append(("CPU", bars([("process", gauge("process_cpu_usage") * 100),
                                ("system", gauge("system_cpu_usage") * 100)], "%", "{:.0f}")))
    gc = sum(increase(before, after, "jvm_gc_pause_seconds_sum", []).values()) / secs * 1000
    panels.append(("Threads and GC pause", bars([("live threads", gauge("jvm_threads_live_threads")),
                                                 ("GC pause ms / s", gc)], "", "{:.1f}")))

    cells = "".join(f'<section><h2>{html.escape(t)}</h2>{body}</section>' for t, body in panels)
    page = f"""<!doctype html><meta charset="utf-8"><title>clinic</title><style>
body{{background:#111217;color:#ccccdc;font:13px Inter,Helvetica,Arial,sans-serif;margin:16px}}
h1{{font-size:18px;margin:0 0 12px}} h1 small{{color:#8e8e8e;font-weight:normal}}
main{{display:grid;grid-template-columns:repeat(3,1fr);gap:10px}}
section{{background:#181b1f;border:1px solid #2c3235;border-radius:2px;padding:8px 10px;min-height:120px}}
h2{{font-size:13px;font-weight:500;margin:0 0 8px}} table{{width:100%;border-collapse:collapse}}
td{{padding:2px 4px;white-space:nowrap}} td.k{{color:#8e8e8e;max-width:200px;overflow:hidden;text-overflow:ellipsis}}
td.bar{{width:45%}} td.bar span{{display:block;height:10px;background:#73bf69;border-radius:1px}}
td.v{{text-align:right}} .stat{{font-size:42px;color:#73bf69;text-align:center;padding-top:14px}}
.stat small{{font-size:16px;color:#8e8e8e}} .none{{color:#8e8e8e}}</style>
<h1>clinic <small>deploy/grafana/clinic.json's panels over a {secs:.0f} s window of deploy/grafana/snapshot.sh</small></h1>
<main>{cells}</main>"""
    open(out_path, "w", encoding="utf-8").write(page)


if __name__ == "__main__":
    main(*sys.argv[1:5])
