using System.Globalization;
using System.Text.Json;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// The indicator stage's SQL: reads hourly rollups and dirty hours, writes <c>daily_indicators</c> and clears the
/// dirty hours it handled. Each method opens (and disposes) its own pooled connection.
/// </summary>
internal sealed class IndicatorStore(CollectorDatabase database)
{
    /// <summary>The rollups of one enterprise with hour_ms in [fromMs, toMs), ordered by hour then source (the key order).</summary>
    public Task<List<RollupRecord>> ReadRollupsAsync(string enterprise, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT hour_ms, source, kind, value_sum, weighted_sum, value_count, min_value, max_value, covered_s, flagged_count
            FROM rollups_hourly WHERE enterprise = $enterprise AND hour_ms >= $from AND hour_ms < $to
            ORDER BY hour_ms, source, kind
            """;
        command.Parameters.AddWithValue("$enterprise", enterprise);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        var rows = new List<RollupRecord>();

        // Microsoft.Data.Sqlite's async reads run synchronously anyway; the synchronous loop saves a task per row.
        // Source names repeat on every hour, so one string per distinct name is kept.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if ((rows.Count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!SignalVocabulary.TryParseKind(reader.GetString(2), out var kind))
            {
                continue;
            }

            var source = reader.GetString(1);
            if (!names.TryGetValue(source, out var known))
            {
                names[source] = known = source;
            }

            rows.Add(new RollupRecord(
                reader.GetInt64(0),
                known,
                kind,
                reader.GetDouble(3),
                reader.GetDouble(4),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? 0 : reader.GetDouble(6),
                reader.IsDBNull(7) ? 0 : reader.GetDouble(7),
                reader.GetDouble(8),
                reader.GetInt64(9)));
        }

        return Task.FromResult(rows);
    }

    /// <summary>Instants and conditions of the camera conditions that started in [fromMs, toMs).</summary>
    public async Task<List<(long AtMs, string Condition)>> ReadConditionStartsAsync(string enterprise, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_ms, condition FROM events WHERE enterprise = $enterprise AND at_ms >= $from AND at_ms < $to AND type = 'condition_started' AND condition IS NOT NULL";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    public async Task<List<DirtyHour>> ReadDirtyAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT enterprise, hour_ms, version FROM dirty_hours ORDER BY enterprise, hour_ms";
        var rows = new List<DirtyHour>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DirtyHour(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>The latest stored local date of an enterprise, or null.</summary>
    public async Task<DateOnly?> LastStoredDateAsync(string enterprise, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(local_date) FROM daily_indicators WHERE enterprise = $enterprise";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        return await command.ExecuteScalarAsync(cancellationToken) is string text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Upserts the days and clears the handled dirty hours (unless marked again since they were read), in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<DailyIndicators> days, IReadOnlyList<DirtyHour> handled, long computedAtMs, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO daily_indicators (enterprise, local_date, day_type, coverage, computed_at, body)
                VALUES ($enterprise, $date, $type, $coverage, $at, $body)
                ON CONFLICT (enterprise, local_date) DO UPDATE SET day_type = excluded.day_type, coverage = excluded.coverage,
                    computed_at = excluded.computed_at, body = excluded.body
                """;
            var p = upsert.Parameters;
            foreach (var name in new[] { "$enterprise", "$date", "$type", "$coverage", "$at", "$body" })
            {
                p.Add(new SqliteParameter { ParameterName = name });
            }

            foreach (var day in days)
            {
                p[0].Value = day.Enterprise;
                p[1].Value = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p[2].Value = day.DayType.ToString();
                p[3].Value = day.Coverage;
                p[4].Value = computedAtMs;
                p[5].Value = JsonSerializer.Serialize(day, IndicatorJson.Options);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM dirty_hours WHERE enterprise = $enterprise AND hour_ms = $hour AND version = $version";
            var enterprise = clear.Parameters.Add(new SqliteParameter { ParameterName = "$enterprise" });
            var hour = clear.Parameters.Add(new SqliteParameter { ParameterName = "$hour" });
            var version = clear.Parameters.Add(new SqliteParameter { ParameterName = "$version" });
            foreach (var dirty in handled)
            {
                enterprise.Value = dirty.Enterprise;
                hour.Value = dirty.HourMs;
                version.Value = dirty.Version;
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The stored days of an enterprise in [from, to].</summary>
    public async Task<List<DailyIndicators>> ReadStoredAsync(string enterprise, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM daily_indicators WHERE enterprise = $enterprise AND local_date >= $from AND local_date <= $to ORDER BY local_date";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var days = new List<DailyIndicators>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(JsonSerializer.Deserialize<DailyIndicators>(reader.GetString(0), IndicatorJson.Options)!);
        }

        return days;
    }
}
