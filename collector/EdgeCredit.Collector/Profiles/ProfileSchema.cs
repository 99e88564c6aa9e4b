namespace EdgeCredit.Collector.Profiles;

/// <summary>The latest credit profile of each enterprise, as the JSON document served.</summary>
internal static class ProfileSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS credit_profiles (
            enterprise TEXT NOT NULL PRIMARY KEY,
            generated_at INTEGER NOT NULL,
            as_of TEXT NOT NULL,
            score REAL,
            document TEXT NOT NULL
        ) WITHOUT ROWID;
        """;
}
