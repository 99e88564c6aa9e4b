namespace EdgeCredit.Collector.Warnings;

/// <summary>
/// Warning tables, created on start. At most one warning per enterprise and cause is open or acknowledged (a partial
/// unique index). Every change is a row in <c>warning_audit</c>. A warning resolved by hand while its condition still
/// holds leaves a suppression, so it is not reopened until the condition has cleared once.
/// </summary>
internal static class WarningSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS warnings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            enterprise TEXT NOT NULL,
            cause TEXT NOT NULL,
            category TEXT NOT NULL,
            level TEXT NOT NULL,
            status TEXT NOT NULL,
            summary TEXT NOT NULL,
            evidence TEXT NOT NULL,
            first_day TEXT,
            last_day TEXT,
            opened_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            acknowledged_at INTEGER,
            acknowledged_by TEXT,
            resolved_at INTEGER,
            resolved_by TEXT,
            disposition TEXT,
            note TEXT
        );

        CREATE UNIQUE INDEX IF NOT EXISTS ux_warnings_open ON warnings (enterprise, cause) WHERE status IN ('open', 'acknowledged');
        CREATE INDEX IF NOT EXISTS ix_warnings_enterprise ON warnings (enterprise, id);

        CREATE TABLE IF NOT EXISTS warning_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            warning INTEGER NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            level TEXT NOT NULL,
            detail TEXT
        );

        CREATE INDEX IF NOT EXISTS ix_warning_audit_warning ON warning_audit (warning, id);

        CREATE TABLE IF NOT EXISTS warning_suppressions (
            enterprise TEXT NOT NULL,
            cause TEXT NOT NULL,
            since INTEGER NOT NULL,
            PRIMARY KEY (enterprise, cause)
        ) WITHOUT ROWID;
        """;
}
