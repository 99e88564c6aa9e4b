using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// The sink's own tables, created with the collector schema on start (one line in <c>CollectorDatabase</c>).
/// <c>sink_checkpoints.last_rowid</c> is the rowid of the last signal a sink's server accepted (or that was rejected
/// and recorded in <c>sink_rejects</c>); the sink resumes after it. Times are Unix milliseconds.
/// </summary>
internal static class SinkSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS sink_checkpoints (
            name TEXT NOT NULL PRIMARY KEY,
            last_rowid INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS sink_rejects (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sink TEXT NOT NULL,
            first_rowid INTEGER NOT NULL,
            last_rowid INTEGER NOT NULL,
            points INTEGER NOT NULL,
            status INTEGER NOT NULL,
            reason TEXT NOT NULL,
            rejected_at INTEGER NOT NULL
        );
        """;

    /// <summary>Creates the tables with the caller's command (inside the schema transaction of <c>CollectorDatabase</c>).</summary>
    public static void Apply(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = Create;
        command.ExecuteNonQuery();
    }
}
