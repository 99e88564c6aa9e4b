using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Storage;

/// <summary>
/// Adds newly inserted batches' signals to the hourly rollups and marks the touched hours (signal windows and events)
/// dirty, with prepared commands on the writer's connection and inside its transaction (see <see cref="RollupSchema"/>).
/// Called only for a batch that was actually inserted, so a resend never rolls up twice. The cells of all the batches of
/// one transaction are summed in memory and written once by <see cref="Flush"/> just before the commit: a transaction of
/// many batches from the same devices costs one upsert per (source, kind, hour) instead of one per batch. Borrows the connection.
/// </summary>
internal sealed class RollupWriter : IDisposable
{
    private const long HourMs = 3_600_000;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _markDirty;
    private readonly Dictionary<(string Enterprise, string Source, SignalKind Kind, long HourMs), RollupCell> _cells = [];
    private readonly HashSet<(string Enterprise, long HourMs)> _hours = [];

    public RollupWriter(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _upsert = Create(connection, RollupSchema.Upsert, "$enterprise", "$hour_ms", "$source", "$kind", "$value_sum", "$weighted_sum", "$value_count", "$min_value", "$max_value", "$covered_s", "$flagged_count", "$flagged_s");
        _markDirty = Create(connection, RollupSchema.MarkDirty, "$enterprise", "$hour_ms");
    }

    /// <summary>The transaction the next batches belong to; setting it drops what a rolled-back transaction left.</summary>
    public SqliteTransaction? Transaction
    {
        set
        {
            _cells.Clear();
            _hours.Clear();
            _upsert.Transaction = value;
            _markDirty.Transaction = value;
        }
    }

    /// <summary>Cells added since the last flush (they must be flushed before the transaction commits).</summary>
    public int Pending => _cells.Count + _hours.Count;

    /// <summary>True for the qualities whose values are measurements (sums and coverage); the rest are only counted.</summary>
    public static bool IsMeasured(SignalQuality quality) => quality is SignalQuality.Good or SignalQuality.Simulated or SignalQuality.Gap;

    public void Add(SignalBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var signal in batch.Signals)
        {
            var startMs = signal.Start.ToUnixTimeMilliseconds();
            var hour = startMs - (((startMs % HourMs) + HourMs) % HourMs);
            var seconds = (signal.End - signal.Start).TotalSeconds;
            var key = (batch.Enterprise, signal.Source, signal.Kind, hour);
            var cell = _cells.GetValueOrDefault(key);
            _cells[key] = IsMeasured(signal.Quality) ? cell.AddMeasured(signal.Value, seconds) : cell.AddFlagged(seconds);
            _hours.Add((batch.Enterprise, hour));
        }

        // Events (camera conditions) count per local day too: their hours are marked so the day is recomputed.
        foreach (var ev in batch.Events ?? [])
        {
            var atMs = ev.At.ToUnixTimeMilliseconds();
            _hours.Add((batch.Enterprise, atMs - (((atMs % HourMs) + HourMs) % HourMs)));
        }
    }

    /// <summary>Writes the summed cells and the dirty hours of the transaction's batches; call just before the commit.</summary>
    public void Flush()
    {
        var p = _upsert.Parameters;
        foreach (var ((enterprise, source, kind, hour), cell) in _cells)
        {
            p[0].Value = enterprise;
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
        foreach (var (enterprise, hour) in _hours)
        {
            d[0].Value = enterprise;
            d[1].Value = hour;
            _markDirty.ExecuteNonQuery();
        }

        _cells.Clear();
        _hours.Clear();
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
