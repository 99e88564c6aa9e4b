using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Storage;

/// <summary>
/// Adds a newly inserted batch's signals to the hourly rollups and marks the touched hours (signal windows and events) dirty, with prepared
/// commands on the writer's connection and inside its transaction (see <see cref="RollupSchema"/>). Called only for
/// a batch that was actually inserted, so a resend never rolls up twice. Borrows the connection.
/// </summary>
internal sealed class RollupWriter : IDisposable
{
    private const long HourMs = 3_600_000;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _markDirty;
    private readonly Dictionary<(string Source, SignalKind Kind, long HourMs), RollupCell> _cells = [];
    private readonly HashSet<long> _hours = [];

    public RollupWriter(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _upsert = Create(connection, RollupSchema.Upsert, "$enterprise", "$hour_ms", "$source", "$kind", "$value_sum", "$weighted_sum", "$value_count", "$min_value", "$max_value", "$covered_s", "$flagged_count", "$flagged_s");
        _markDirty = Create(connection, RollupSchema.MarkDirty, "$enterprise", "$hour_ms");
    }

    public SqliteTransaction? Transaction
    {
        set
        {
            _upsert.Transaction = value;
            _markDirty.Transaction = value;
        }
    }

    /// <summary>True for the qualities whose values are measurements (sums and coverage); the rest are only counted.</summary>
    public static bool IsMeasured(SignalQuality quality) => quality is SignalQuality.Good or SignalQuality.Simulated or SignalQuality.Gap;

    public void Add(SignalBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _cells.Clear();
        _hours.Clear();
        foreach (var signal in batch.Signals)
        {
            var startMs = signal.Start.ToUnixTimeMilliseconds();
            var hour = startMs - (((startMs % HourMs) + HourMs) % HourMs);
            var seconds = (signal.End - signal.Start).TotalSeconds;
            var key = (signal.Source, signal.Kind, hour);
            var cell = _cells.GetValueOrDefault(key);
            _cells[key] = IsMeasured(signal.Quality) ? cell.AddMeasured(signal.Value, seconds) : cell.AddFlagged(seconds);
            _hours.Add(hour);
        }

        // Events (camera conditions) count per local day too: their hours are marked so the day is recomputed.
        foreach (var ev in batch.Events ?? [])
        {
            var atMs = ev.At.ToUnixTimeMilliseconds();
            _hours.Add(atMs - (((atMs % HourMs) + HourMs) % HourMs));
        }

        var p = _upsert.Parameters;
        p[0].Value = batch.Enterprise;
        foreach (var ((source, kind, hour), cell) in _cells)
        {
            p[1].Value = hour;
            p[2].Value = source;
            p[3].Value = SignalVocabulary.WireName(kind);
            p[4].Value = cell.Sum;
            p[5].Value = cell.Weighted;
            p[6].Value = cell.Count;
            p[7].Value = cell.Count > 0 ? cell.Min : DBNull.Value;
            p[8].Value = cell.Count > 0 ? cell.Max : DBNull.Value;
            p[9].Value = cell.Covered;
            p[10].Value = cell.FlaggedCount;
            p[11].Value = cell.FlaggedSeconds;
            _upsert.ExecuteNonQuery();
        }

        var d = _markDirty.Parameters;
        d[0].Value = batch.Enterprise;
        foreach (var hour in _hours)
        {
            d[1].Value = hour;
            _markDirty.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        _upsert.Dispose();
        _markDirty.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a constant of RollupSchema; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
