namespace EdgeCredit.Collector.Api;

/// <summary>
/// Requires an API key in <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>) on every /api/v1 endpoint, puts the caller
/// (<see cref="ApiCaller"/>) on the request, and refuses lenders' keys on <see cref="OperatorOnly"/> endpoints.
/// </summary>
internal sealed class ApiKeyFilter(ApiKeyVerifier verifier) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            string? authorization = request.Headers.Authorization;
            if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                presented = authorization["Bearer ".Length..].Trim();
            }
        }

        var caller = verifier.Verify(presented);
        if (caller is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: string.IsNullOrEmpty(presented)
                    ? $"Send your API key in the {HeaderName} header (or as Authorization: Bearer <key>)."
                    : $"The API key sent is not valid. Send a configured key in the {HeaderName} header (or as Authorization: Bearer <key>).");
        }

        if (!caller.IsOperator && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OperatorOnly>() is not null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Operator only",
                detail: $"This endpoint serves the platform operator; the key '{caller.KeyName}' belongs to lender '{caller.Lender}'.");
        }

        context.HttpContext.Features.Set(caller);
        return await next(context);
    }
}
