using System.Text.Json;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Integration.Tests;

internal static class ApiWait
{
    /// <summary>Polls an API path until the predicate holds; fails with the last body and the collector's output.</summary>
    public static async Task<JsonElement> UntilAsync(CollectorProcess collector, string path, Func<JsonElement, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        string? error = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await collector.GetJsonAsync(path);
                if (predicate(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"GET {path} did not satisfy the condition within {timeout}. Last: {(last.ValueKind == JsonValueKind.Undefined ? error : last.ToString())}\n{collector.Process.Tail(30)}");
    }

    public static Task<JsonElement> SignalsAsync(CollectorProcess collector, string enterprise, int atLeast, TimeSpan timeout) =>
        UntilAsync(collector, $"/api/v1/enterprises/{enterprise}/signals?limit=100000", s => s.GetProperty("signals").GetArrayLength() >= atLeast, timeout);

    public static int QuarantineCount(JsonElement stats, string reason) =>
        stats.TryGetProperty("quarantined", out var q) && q.ValueKind == JsonValueKind.Object && q.TryGetProperty(reason, out var n) ? n.GetInt32() : 0;
}
