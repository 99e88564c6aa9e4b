namespace EdgeCredit.Collector.Api;

/// <summary>
/// On every endpoint under <c>/api/v1/enterprises/{id}</c>: an enterprise the caller may not read answers exactly as an
/// unknown one does (404), so a lender cannot even learn which other enterprises exist.
/// </summary>
internal sealed class EnterpriseAccessFilter(EnterpriseAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var id = context.HttpContext.Request.RouteValues["id"] as string;
        if (!access.MayRead(ApiCaller.From(context.HttpContext), id))
        {
            return UnknownEnterprise(id);
        }

        return await next(context);
    }

    public static IResult UnknownEnterprise(string? id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown enterprise",
        detail: $"No enterprise '{id}' is registered for this API key; GET /api/v1/enterprises lists the ones you may read.");
}
