// EdgeCredit: hourly roll-up of the raw per-minute signals into edgecredit_hourly (kept for years).
// Each hour it recomputes the last 24 complete hours, so a box that delivers a backlog late (its outbox
// drains after an outage) still lands in the roll-up; recomputed points overwrite themselves
// (same measurement, tags and time). Only complete hours are written: the range ends at the current hour.
// Fields: sum (energy, seconds, counts), mean and max (power, ratios), count (minutes that reported,
// i.e. coverage). Times are the hour's start, like the raw points (window start).
import "date"

option task = {name: "edgecredit-downsample-hourly", every: 1h, offset: 5m}

start = date.truncate(t: -24h, unit: 1h)
stop = date.truncate(t: now(), unit: 1h)

data = from(bucket: "edgecredit")
    |> range(start: start, stop: stop)
    |> filter(fn: (r) => r._measurement == "signal" and r._field == "value")

data
    |> aggregateWindow(every: 1h, fn: sum, timeSrc: "_start", createEmpty: false)
    |> set(key: "_measurement", value: "signal_hourly")
    |> set(key: "_field", value: "sum")
    |> to(bucket: "edgecredit_hourly")

data
    |> aggregateWindow(every: 1h, fn: mean, timeSrc: "_start", createEmpty: false)
    |> set(key: "_measurement", value: "signal_hourly")
    |> set(key: "_field", value: "mean")
    |> to(bucket: "edgecredit_hourly")

data
    |> aggregateWindow(every: 1h, fn: max, timeSrc: "_start", createEmpty: false)
    |> set(key: "_measurement", value: "signal_hourly")
    |> set(key: "_field", value: "max")
    |> to(bucket: "edgecredit_hourly")

data
    |> aggregateWindow(every: 1h, fn: count, timeSrc: "_start", createEmpty: false)
    |> toFloat()
    |> set(key: "_measurement", value: "signal_hourly")
    |> set(key: "_field", value: "count")
    |> to(bucket: "edgecredit_hourly")
