using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tenancy;

/// <summary>The configured lenders and their grants, read once at start; answers "may this lender read that enterprise now".</summary>
internal sealed class LenderDirectory
{
    private readonly FrozenDictionary<string, Lender> _lenders;
    private readonly FrozenDictionary<string, Grant[]> _grants;

    public LenderDirectory(IOptions<TenancyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _lenders = value.Lenders
            .Select(l => new Lender(l.Id!, string.IsNullOrWhiteSpace(l.Name) ? l.Id! : l.Name))
            .ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
        _grants = value.Grants
            .Select(g => new Grant(g.Lender!, g.Enterprise!, g.ValidFrom ?? DateTimeOffset.MinValue, g.ValidTo))
            .GroupBy(g => g.Lender, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IEnumerable<Lender> Lenders => _lenders.Values.OrderBy(l => l.Id, StringComparer.Ordinal);

    public bool TryGetLender(string id, out Lender lender) => _lenders.TryGetValue(id, out lender!);

    /// <summary>Every grant of the lender, valid now or not.</summary>
    public IReadOnlyList<Grant> GrantsOf(string lender) => _grants.TryGetValue(lender, out var grants) ? grants : [];

    /// <summary>The lender holds a grant for the enterprise that is valid at <paramref name="at"/>.</summary>
    public bool MayRead(string lender, string enterprise, DateTimeOffset at) =>
        _grants.TryGetValue(lender, out var grants) && grants.Any(g => g.Enterprise == enterprise && g.IsValidAt(at));
}
