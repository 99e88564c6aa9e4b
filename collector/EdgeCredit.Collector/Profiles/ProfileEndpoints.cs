using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Profiles;

/// <summary><c>GET /api/v1/enterprises/{id}/profile</c>: the stored profile, rebuilt first when missing or older than MaxAge (or with <c>?refresh=true</c>).</summary>
internal static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfiles(this RouteGroupBuilder enterprise)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        enterprise.MapGet("/profile", GetAsync).WithName("profile").Produces<CreditProfile>();
        return enterprise;
    }

    private static async Task<IResult> GetAsync(string id, bool? refresh, ProfileStore store, ProfileComposer composer, IOptions<ProfileOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (refresh != true && await store.GetAsync(id, cancellationToken) is { } stored && time.GetUtcNow() - stored.GeneratedAt <= options.Value.MaxAge)
        {
            return TypedResults.Text(stored.Document, "application/json");
        }

        var (_, document) = await composer.BuildAsync(id, cancellationToken);
        return TypedResults.Text(document, "application/json");
    }
}
