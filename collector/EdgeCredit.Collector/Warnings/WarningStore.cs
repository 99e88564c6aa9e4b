using System.Globalization;
using EdgeCredit.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Warnings;

/// <summary>Warnings, their audit trail and suppressions in the collector store. Each change and its audit row are one transaction.</summary>
internal sealed class WarningStore(CollectorDatabase database)
{
    private const string Columns = "id, enterprise, cause, category, level, status, summary, evidence, first_day, last_day, opened_at, updated_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, disposition, note";

    /// <summary>Open or acknowledged warnings of an enterprise, by cause.</summary>
    public Dictionary<string, WarningRecord> GetOpen(string enterprise)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM warnings WHERE enterprise = $enterprise AND status IN ('open', 'acknowledged')";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        return Read(command).ToDictionary(w => w.Cause, StringComparer.Ordinal);
    }

    public WarningRecord? Get(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM warnings WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return Read(command).FirstOrDefault();
    }

    public List<WarningRecord> List(WarningQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Enterprises.Count == 0)
        {
            return [];
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var names = query.Enterprises.Select((e, i) => (Name: $"$e{i.ToString(CultureInfo.InvariantCulture)}", Value: e)).ToArray();
        command.CommandText = $"""
            SELECT {Columns} FROM warnings
            WHERE enterprise IN ({string.Join(',', names.Select(n => n.Name))})
              AND ($level IS NULL OR level = $level) AND ($category IS NULL OR category = $category)
              AND ($status IS NULL OR status = $status OR ($status = 'active' AND status IN ('open', 'acknowledged')))
            ORDER BY id DESC LIMIT $limit
            """;
        foreach (var (name, value) in names)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.Parameters.AddWithValue("$level", (object?)query.Level ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", (object?)query.Status ?? DBNull.Value);
        command.Parameters.AddWithValue("$category", (object?)query.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        return Read(command);
    }

    public List<WarningAuditEntry> GetAudit(long warning)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, warning, at, actor, action, level, detail FROM warning_audit WHERE warning = $warning ORDER BY id";
        command.Parameters.AddWithValue("$warning", warning);
        using var reader = command.ExecuteReader();
        var result = new List<WarningAuditEntry>();
        while (reader.Read())
        {
            result.Add(new WarningAuditEntry(reader.GetInt64(0), reader.GetInt64(1), Time(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return result;
    }

    /// <summary>Opens a warning; returns it and its audit entry's id.</summary>
    public (WarningRecord Warning, long Audit) Open(string enterprise, WarningCondition condition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO warnings (enterprise, cause, category, level, status, summary, evidence, first_day, last_day, opened_at, updated_at)
            VALUES ($enterprise, $cause, $category, $level, 'open', $summary, $evidence, $first, $last, $at, $at) RETURNING id
            """;
        command.Parameters.AddWithValue("$enterprise", enterprise);
        command.Parameters.AddWithValue("$cause", condition.Cause);
        command.Parameters.AddWithValue("$category", condition.Category);
        command.Parameters.AddWithValue("$level", LevelName(condition.Level));
        command.Parameters.AddWithValue("$summary", condition.Summary);
        command.Parameters.AddWithValue("$evidence", condition.Evidence.ToJsonString());
        command.Parameters.AddWithValue("$first", Day(condition.FirstDay));
        command.Parameters.AddWithValue("$last", Day(condition.LastDay));
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        var id = (long)command.ExecuteScalar()!;
        var audit = Audit(command, id, at, "system", "opened", LevelName(condition.Level), condition.Summary);
        transaction.Commit();
        return (Get(id)!, audit);
    }

    /// <summary>Updates level, summary, evidence and days of an open warning; returns the audit entry's id.</summary>
    public long Update(long id, WarningCondition condition, string action, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE warnings SET level = $level, summary = $summary, evidence = $evidence, first_day = coalesce(first_day, $first), last_day = $last, updated_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$level", LevelName(condition.Level));
        command.Parameters.AddWithValue("$summary", condition.Summary);
        command.Parameters.AddWithValue("$evidence", condition.Evidence.ToJsonString());
        command.Parameters.AddWithValue("$first", Day(condition.FirstDay));
        command.Parameters.AddWithValue("$last", Day(condition.LastDay));
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        var audit = Audit(command, id, at, "system", action, LevelName(condition.Level), condition.Summary);
        transaction.Commit();
        return audit;
    }

    /// <summary>Acknowledges an open warning; null if it is not open.</summary>
    public long? Acknowledge(long id, string actor, string? note, DateTimeOffset at)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE warnings SET status = 'acknowledged', acknowledged_at = $at, acknowledged_by = $actor, note = coalesce($note, note), updated_at = $at WHERE id = $id AND status = 'open' RETURNING level";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        if (command.ExecuteScalar() is not string level)
        {
            return null;
        }

        var audit = Audit(command, id, at, actor, "acknowledged", level, note);
        transaction.Commit();
        return audit;
    }

    /// <summary>
    /// Resolves an open or acknowledged warning with its disposition; <paramref name="suppress"/> keeps it from reopening
    /// until its condition clears (a person resolved it while the rule still sees it). Null if it is not open.
    /// </summary>
    public long? Resolve(long id, string actor, string disposition, string? note, bool suppress, DateTimeOffset at)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE warnings SET status = 'resolved', resolved_at = $at, resolved_by = $actor, disposition = $disposition, note = coalesce($note, note), updated_at = $at
            WHERE id = $id AND status IN ('open', 'acknowledged') RETURNING level, enterprise, cause
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$disposition", disposition);
        command.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        string level, enterprise, cause;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            (level, enterprise, cause) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        if (suppress)
        {
            command.CommandText = "INSERT OR REPLACE INTO warning_suppressions (enterprise, cause, since) VALUES ($enterprise, $cause, $at)";
            command.Parameters.AddWithValue("$enterprise", enterprise);
            command.Parameters.AddWithValue("$cause", cause);
            command.ExecuteNonQuery();
        }

        var audit = Audit(command, id, at, actor, "resolved", level, note is null ? disposition : $"{disposition}: {note}");
        transaction.Commit();
        return audit;
    }

    /// <summary>The causes of an enterprise resolved by hand while their condition still held (not reopened until it clears).</summary>
    public HashSet<string> GetSuppressed(string enterprise)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT cause FROM warning_suppressions WHERE enterprise = $enterprise";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        using var reader = command.ExecuteReader();
        var causes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            causes.Add(reader.GetString(0));
        }

        return causes;
    }

    public void ClearSuppression(string enterprise, string cause)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM warning_suppressions WHERE enterprise = $enterprise AND cause = $cause";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        command.Parameters.AddWithValue("$cause", cause);
        command.ExecuteNonQuery();
    }

    public static string LevelName(WarningLevel level) => level.ToString().ToLowerInvariant();

    private static long Audit(SqliteCommand command, long warning, DateTimeOffset at, string actor, string action, string level, string? detail)
    {
        command.Parameters.Clear();
        command.CommandText = "INSERT INTO warning_audit (warning, at, actor, action, level, detail) VALUES ($warning, $at, $actor, $action, $level, $detail) RETURNING id";
        command.Parameters.AddWithValue("$warning", warning);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$level", level);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    private static List<WarningRecord> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var result = new List<WarningRecord>();
        while (reader.Read())
        {
            result.Add(new WarningRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), Text(reader, 8), Text(reader, 9), Time(reader.GetInt64(10)), Time(reader.GetInt64(11)),
                reader.IsDBNull(12) ? null : Time(reader.GetInt64(12)), Text(reader, 13), reader.IsDBNull(14) ? null : Time(reader.GetInt64(14)),
                Text(reader, 15), Text(reader, 16), Text(reader, 17)));
        }

        return result;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static object Day(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
}
