namespace EdgeCredit.Collector.Warnings;

/// <summary>What a rule says as of a day: the condition holds (open or update), it is between entry and exit (keep what is open), or it cleared (resolve).</summary>
internal enum WarningPhase
{
    Active,
    Hold,
    Clear,
}
