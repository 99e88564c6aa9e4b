using System.Text.Json.Nodes;

namespace EdgeCredit.Collector.Webhooks;

/// <summary>
/// Something a subscriber hears about: a warning opened, acknowledged or resolved, or a ping. <see cref="Id"/> is stable
/// for the same happening (publishing it again sends nothing new); <see cref="Enterprise"/> decides which lenders' subscriptions get it.
/// </summary>
internal sealed record WebhookEvent(string Id, string Type, string? Enterprise, DateTimeOffset OccurredAt, JsonObject Data);
