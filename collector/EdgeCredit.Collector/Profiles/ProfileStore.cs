using System.Globalization;
using EdgeCredit.Collector.Storage;

namespace EdgeCredit.Collector.Profiles;

/// <summary>Stored profile documents.</summary>
internal sealed class ProfileStore(CollectorDatabase database)
{
    public async Task SaveAsync(string enterprise, DateTimeOffset generatedAt, DateOnly asOf, double? score, string document, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO credit_profiles (enterprise, generated_at, as_of, score, document) VALUES ($enterprise, $at, $asOf, $score, $document)";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        command.Parameters.AddWithValue("$at", generatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$score", (object?)score ?? DBNull.Value);
        command.Parameters.AddWithValue("$document", document);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The stored document and when it was made; null if none.</summary>
    public async Task<(string Document, DateTimeOffset GeneratedAt)?> GetAsync(string enterprise, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document, generated_at FROM credit_profiles WHERE enterprise = $enterprise";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))) : null;
    }
}
