namespace EdgeCredit.Collector.Warnings;

/// <summary>A machine pledged as collateral: <c>Warnings:Pledges:N</c>, the enterprise and the source that measures it.</summary>
internal sealed class PledgeOptions
{
    public string? Enterprise { get; set; }

    public string? Source { get; set; }

    public string? Description { get; set; }
}
