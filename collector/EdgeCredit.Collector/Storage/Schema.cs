namespace EdgeCredit.Collector.Storage;

/// <summary>
/// The collector's SQLite schema. Times are Unix milliseconds. <c>batches.signals_hash</c> is the
/// <see cref="SignalsHash"/> of the stored signals (and events), so a resend can be told from a different batch under the
/// same sequence. Version 3 added the <c>events</c> table (created on start by <see cref="Create"/>, nothing to migrate).
/// </summary>
internal static class Schema
{
    public const int Version = 3;

    /// <summary>Brings a version 1 database (no signals_hash; its batches keep NULL until a resend needs it) to version 2.</summary>
    public const string MigrateFrom1 = "ALTER TABLE batches ADD COLUMN signals_hash BLOB;";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS devices (
            id TEXT NOT NULL PRIMARY KEY,
            enterprise TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            online INTEGER NOT NULL DEFAULT 0,
            last_sequence INTEGER,
            outbox_depth INTEGER,
            status_at INTEGER
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS batches (
            device TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            enterprise TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            signal_count INTEGER NOT NULL,
            signals_hash BLOB,
            PRIMARY KEY (device, sequence)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS signals (
            enterprise TEXT NOT NULL,
            device TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            quality TEXT NOT NULL
        );

        CREATE INDEX IF NOT EXISTS ix_signals_enterprise_start ON signals (enterprise, start_ms);

        CREATE TABLE IF NOT EXISTS events (
            enterprise TEXT NOT NULL,
            device TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            at_ms INTEGER NOT NULL,
            source TEXT NOT NULL,
            type TEXT NOT NULL,
            condition TEXT,
            state TEXT,
            confidence REAL,
            since_ms INTEGER,
            detail TEXT
        );

        CREATE INDEX IF NOT EXISTS ix_events_enterprise_at ON events (enterprise, at_ms);

        CREATE TABLE IF NOT EXISTS quarantine (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            received_at INTEGER NOT NULL,
            topic TEXT NOT NULL,
            client_id TEXT,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL,
            payload_bytes INTEGER NOT NULL,
            payload_head BLOB
        );

        CREATE INDEX IF NOT EXISTS ix_quarantine_reason ON quarantine (reason, id);
        """;
}
