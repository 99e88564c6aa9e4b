using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Storage;

/// <summary>
/// Hourly rollups, the dirty-hour marks that make late data recompute its local days, and the stored daily
/// indicators. Created on start; when <c>rollups_hourly</c> is new, it is backfilled once from the stored signals
/// and every backfilled hour is marked dirty, so the indicator service computes those days on its next pass.
/// </summary>
/// <remarks>
/// A signal is rolled up into the UTC hour that contains its window start (windows are 1 s to 1 h and in practice
/// aligned to the minute or quarter hour, so they rarely straddle an hour). Only values that may be read as
/// measurements (quality good, simulated or gap) enter sum/min/max/weighted/covered; other qualities are counted in
/// <c>flagged_count</c>/<c>flagged_s</c>. <c>weighted_sum</c> is Σ value × window seconds (for time-weighted means
/// such as activity and people present); <c>covered_s</c> is Σ window seconds.
/// </remarks>
internal static class RollupSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS rollups_hourly (
            enterprise TEXT NOT NULL,
            hour_ms INTEGER NOT NULL,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            value_sum REAL NOT NULL,
            weighted_sum REAL NOT NULL,
            value_count INTEGER NOT NULL,
            min_value REAL,
            max_value REAL,
            covered_s REAL NOT NULL,
            flagged_count INTEGER NOT NULL,
            flagged_s REAL NOT NULL,
            PRIMARY KEY (enterprise, hour_ms, source, kind)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS dirty_hours (
            enterprise TEXT NOT NULL,
            hour_ms INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (enterprise, hour_ms)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS daily_indicators (
            enterprise TEXT NOT NULL,
            local_date TEXT NOT NULL,
            day_type TEXT NOT NULL,
            coverage REAL NOT NULL,
            computed_at INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (enterprise, local_date)
        ) WITHOUT ROWID;
        """;

    /// <summary>SQL shared by the ingest path and the backfill: the per-row upsert of one rollup cell.</summary>
    public const string Upsert = """
        INSERT INTO rollups_hourly (enterprise, hour_ms, source, kind, value_sum, weighted_sum, value_count, min_value, max_value, covered_s, flagged_count, flagged_s)
        VALUES ($enterprise, $hour_ms, $source, $kind, $value_sum, $weighted_sum, $value_count, $min_value, $max_value, $covered_s, $flagged_count, $flagged_s)
        ON CONFLICT (enterprise, hour_ms, source, kind) DO UPDATE SET
            value_sum = value_sum + excluded.value_sum,
            weighted_sum = weighted_sum + excluded.weighted_sum,
            value_count = value_count + excluded.value_count,
            min_value = CASE WHEN min_value IS NULL THEN excluded.min_value WHEN excluded.min_value IS NULL THEN min_value ELSE min(min_value, excluded.min_value) END,
            max_value = CASE WHEN max_value IS NULL THEN excluded.max_value WHEN excluded.max_value IS NULL THEN max_value ELSE max(max_value, excluded.max_value) END,
            covered_s = covered_s + excluded.covered_s,
            flagged_count = flagged_count + excluded.flagged_count,
            flagged_s = flagged_s + excluded.flagged_s
        """;

    public const string MarkDirty = """
        INSERT INTO dirty_hours (enterprise, hour_ms, version) VALUES ($enterprise, $hour_ms, 1)
        ON CONFLICT (enterprise, hour_ms) DO UPDATE SET version = version + 1
        """;

    private const string Measured = "quality IN ('good', 'simulated', 'gap')";

    private const string Backfill = $"""
        INSERT INTO rollups_hourly (enterprise, hour_ms, source, kind, value_sum, weighted_sum, value_count, min_value, max_value, covered_s, flagged_count, flagged_s)
        SELECT enterprise, (start_ms / 3600000) * 3600000, source, kind,
            coalesce(sum(CASE WHEN {Measured} THEN value END), 0),
            coalesce(sum(CASE WHEN {Measured} THEN value * (end_ms - start_ms) / 1000.0 END), 0),
            count(CASE WHEN {Measured} THEN 1 END),
            min(CASE WHEN {Measured} THEN value END),
            max(CASE WHEN {Measured} THEN value END),
            coalesce(sum(CASE WHEN {Measured} THEN (end_ms - start_ms) / 1000.0 END), 0),
            count(CASE WHEN NOT ({Measured}) THEN 1 END),
            coalesce(sum(CASE WHEN NOT ({Measured}) THEN (end_ms - start_ms) / 1000.0 END), 0)
        FROM signals
        GROUP BY enterprise, (start_ms / 3600000) * 3600000, source, kind;
        INSERT OR IGNORE INTO dirty_hours (enterprise, hour_ms, version) SELECT DISTINCT enterprise, hour_ms, 1 FROM rollups_hourly;
        """;

    /// <summary>
    /// Creates the tables on <paramref name="command"/>'s connection inside its transaction; backfills the rollups
    /// from the signals when the rollup table did not exist before. Idempotent.
    /// </summary>
    public static void Apply(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'rollups_hourly'";
        var isNew = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0;
        command.CommandText = Create;
        command.ExecuteNonQuery();
        if (isNew)
        {
            command.CommandText = Backfill;
            command.ExecuteNonQuery();
        }
    }
}
