namespace EdgeCredit.Collector.Warnings;

/// <summary>Warning levels, most severe first; written lower-case on the wire (<c>alert</c>, <c>watch</c>, <c>notice</c>).</summary>
internal enum WarningLevel
{
    Alert,
    Watch,
    Notice,
}
