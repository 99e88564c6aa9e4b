using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Tenancy;

namespace EdgeCredit.Collector.Api;

/// <summary>Which enterprises a caller may read now: the operator all registered ones, a lender those with a valid grant.</summary>
internal sealed class EnterpriseAccess(DeviceRegistry registry, LenderDirectory lenders, TimeProvider time)
{
    /// <summary>The enterprise is registered and the caller may read it now.</summary>
    public bool MayRead(ApiCaller caller, string? enterprise)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (enterprise is null || !registry.TryGetEnterprise(enterprise, out _))
        {
            return false;
        }

        return caller.IsOperator || lenders.MayRead(caller.Lender!, enterprise, time.GetUtcNow());
    }

    /// <summary>The registered enterprises the caller may read now, in id order.</summary>
    public IEnumerable<RegisteredEnterprise> Visible(ApiCaller caller) => registry.Enterprises.Where(e => MayRead(caller, e.Id));
}
