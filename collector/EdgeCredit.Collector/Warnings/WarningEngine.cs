using System.Text.Json.Nodes;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Operations;
using EdgeCredit.Collector.Webhooks;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Warnings;

/// <summary>
/// Assesses an enterprise's days (indicators from the rollups, tamper minutes from the camera events), runs the rules as
/// of its last complete local day, and reconciles the verdicts with the stored warnings: opens, updates, resolves
/// (disposition <c>recovered</c>), each with an audit row and a webhook event. Running it twice changes nothing.
/// </summary>
internal sealed class WarningEngine(
    IndicatorEngine indicators,
    TamperMinutes tamper,
    EnterpriseCalendars calendars,
    WarningStore store,
    WebhookPublisher webhooks,
    IOptions<WarningOptions> options,
    TimeProvider time)
{
    /// <summary>Days assessed before the asked range, for the classifier's references.</summary>
    private const int HistoryDays = 30;

    private readonly WarningOptions _options = options.Value;

    /// <summary>The operating state of local days [from, to] with reasons and cross-check flags.</summary>
    public async Task<List<DayAssessment>> AssessAsync(string enterprise, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var settings = calendars.Get(enterprise);
        var history = from.AddDays(-HistoryDays); // earlier producing days give the flat-meter and kWh-per-unit references
        var days = await indicators.ComputeAsync(enterprise, history, to, cancellationToken).ConfigureAwait(false);
        var minutes = await tamper.PerDayAsync(enterprise, settings.Calendar, history, to, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return OperatingStateClassifier.Assess(days, minutes, _options.RulesFor(settings.Industry)).Where(d => d.Date >= from).ToList();
    }

    /// <summary>The last local day that ended at least <see cref="WarningOptions.CompleteAfter"/> ago.</summary>
    public DateOnly LastCompleteDay(string enterprise)
    {
        var calendar = calendars.Get(enterprise).Calendar;
        return calendar.LocalDate((time.GetUtcNow() - _options.CompleteAfter).ToUnixTimeMilliseconds()).AddDays(-1);
    }

    /// <summary>Evaluates the rules as of the enterprise's last complete day and applies them; returns the changes made.</summary>
    public async Task<List<string>> EvaluateAsync(string enterprise, CancellationToken cancellationToken)
    {
        var asOf = LastCompleteDay(enterprise);
        var days = await AssessAsync(enterprise, asOf.AddDays(1 - _options.LookBackDays), asOf, cancellationToken).ConfigureAwait(false);
        if (days.All(d => d.Indicators.ExpectedSources == 0))
        {
            return []; // nothing installed yet (or silent for longer than the indicators look back): no expectations to miss
        }

        var settings = calendars.Get(enterprise);
        var pledged = _options.Pledges.Where(p => p.Enterprise == enterprise).Select(p => p.Source!).ToArray();
        var conditions = WarningEvaluator.Evaluate(days, _options.RulesFor(settings.Industry), pledged);
        return Reconcile(enterprise, conditions);
    }

    /// <summary>A person acknowledges a warning (lender or operator key). Null if it is not open.</summary>
    public WarningRecord? Acknowledge(long id, string actor, string? note)
    {
        var at = time.GetUtcNow();
        if (store.Acknowledge(id, actor, note, at) is not { } audit)
        {
            return null;
        }

        var warning = store.Get(id)!;
        Publish(warning, WebhookEventTypes.WarningAcknowledged, audit, at);
        return warning;
    }

    /// <summary>A person resolves a warning with a disposition; it is not reopened until its condition clears. Null if it is not open.</summary>
    public WarningRecord? Resolve(long id, string actor, string disposition, string? note)
    {
        var at = time.GetUtcNow();
        if (store.Resolve(id, actor, disposition, note, suppress: true, at) is not { } audit)
        {
            return null;
        }

        var warning = store.Get(id)!;
        Publish(warning, WebhookEventTypes.WarningResolved, audit, at);
        return warning;
    }

    private List<string> Reconcile(string enterprise, List<WarningCondition> conditions)
    {
        var changes = new List<string>();
        var open = store.GetOpen(enterprise);
        var suppressed = store.GetSuppressed(enterprise);
        var now = time.GetUtcNow();
        foreach (var condition in conditions)
        {
            open.TryGetValue(condition.Cause, out var existing);
            switch (condition.Phase)
            {
                case WarningPhase.Active when existing is null:
                    if (suppressed.Contains(condition.Cause))
                    {
                        break;
                    }

                    var (opened, audit) = store.Open(enterprise, condition, now);
                    Publish(opened, WebhookEventTypes.WarningOpened, audit, now);
                    changes.Add($"opened {condition.Cause} ({WarningStore.LevelName(condition.Level)})");
                    break;
                case WarningPhase.Active when existing.Level != WarningStore.LevelName(condition.Level) || existing.Summary != condition.Summary:
                    var action = existing.Level == WarningStore.LevelName(condition.Level) ? "updated"
                        : condition.Level < Enum.Parse<WarningLevel>(existing.Level, ignoreCase: true) ? "escalated" : "deescalated";
                    var updateAudit = store.Update(existing.Id, condition, action, now);
                    Publish(store.Get(existing.Id)!, WebhookEventTypes.WarningUpdated, updateAudit, now);
                    changes.Add($"{action} {condition.Cause}");
                    break;
                case WarningPhase.Clear:
                    if (suppressed.Contains(condition.Cause))
                    {
                        store.ClearSuppression(enterprise, condition.Cause);
                    }

                    if (existing is not null && store.Resolve(existing.Id, "system", "recovered", condition.Summary, suppress: false, now) is { } resolveAudit)
                    {
                        Publish(store.Get(existing.Id)!, WebhookEventTypes.WarningResolved, resolveAudit, now);
                        changes.Add($"resolved {condition.Cause}");
                    }

                    break;
            }
        }

        return changes;
    }

    private void Publish(WarningRecord warning, string type, long audit, DateTimeOffset at) =>
        webhooks.Publish(new WebhookEvent($"warning-{warning.Id}-audit-{audit}", type, warning.Enterprise, at, ToJson(warning)));

    public static JsonObject ToJson(WarningRecord w) => new()
    {
        ["id"] = w.Id,
        ["enterprise"] = w.Enterprise,
        ["cause"] = w.Cause,
        ["category"] = w.Category,
        ["level"] = w.Level,
        ["status"] = w.Status,
        ["summary"] = w.Summary,
        ["firstDay"] = w.FirstDay,
        ["lastDay"] = w.LastDay,
        ["openedAt"] = w.OpenedAt,
        ["updatedAt"] = w.UpdatedAt,
        ["acknowledgedAt"] = w.AcknowledgedAt,
        ["acknowledgedBy"] = w.AcknowledgedBy,
        ["resolvedAt"] = w.ResolvedAt,
        ["resolvedBy"] = w.ResolvedBy,
        ["disposition"] = w.Disposition,
        ["note"] = w.Note,
        ["evidence"] = JsonNode.Parse(w.Evidence),
    };
}
