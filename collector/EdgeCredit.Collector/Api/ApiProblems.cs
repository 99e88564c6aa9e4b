namespace EdgeCredit.Collector.Api;

/// <summary>The 400 answers of every endpoint: which input, its value and what is allowed, in the body and as extensions.</summary>
internal static class ApiProblems
{
    /// <summary>A bad query parameter (extension <c>parameter</c>).</summary>
    public static IResult BadParameter(string name, string? value, string allowed) => Bad($"Invalid query parameter '{name}'", "parameter", name, value, allowed);

    /// <summary>A bad field of a request body (extension <c>field</c>).</summary>
    public static IResult BadField(string name, string? value, string allowed) => Bad($"Invalid field '{name}'", "field", name, value, allowed);

    private static IResult Bad(string title, string kind, string name, string? value, string allowed) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: $"{name}='{value}' is not valid; allowed: {allowed}.",
            extensions: new Dictionary<string, object?> { [kind] = name, ["value"] = value, ["allowed"] = allowed });
}
