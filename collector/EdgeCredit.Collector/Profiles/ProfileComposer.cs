using System.Text.Json;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.Warnings;

namespace EdgeCredit.Collector.Profiles;

/// <summary>Gathers what a profile needs (90 assessed days, open warnings, devices), builds it with <see cref="ProfileBuilder"/> and stores it.</summary>
internal sealed class ProfileComposer(
    WarningEngine warnings,
    WarningStore warningStore,
    CollectorReader reader,
    DeviceRegistry registry,
    EnterpriseCalendars calendars,
    ProfileStore store,
    TimeProvider time)
{
    public const int Days = 90;

    public async Task<(CreditProfile Profile, string Document)> BuildAsync(string enterprise, CancellationToken cancellationToken)
    {
        var asOf = warnings.LastCompleteDay(enterprise);
        var days = await warnings.AssessAsync(enterprise, asOf.AddDays(1 - Days), asOf, cancellationToken).ConfigureAwait(false);
        var open = warningStore.GetOpen(enterprise).Values.OrderBy(w => w.Id).ToArray();
        var devices = (await reader.GetDevicesAsync(enterprise, cancellationToken).ConfigureAwait(false))
            .Select(d => new ProfileDevice(d.Id, d.Online, DateTimeOffset.FromUnixTimeMilliseconds(d.LastSeenMs), d.StoredBatches))
            .ToList();
        registry.TryGetEnterprise(enterprise, out var registered);
        devices.AddRange((registered?.Devices ?? []).Where(id => devices.All(d => d.Id != id)).Select(id => new ProfileDevice(id, false, null, 0)));
        var settings = calendars.Get(enterprise);
        var identity = new ProfileIdentity(enterprise, registered?.Name ?? enterprise, settings.Industry, settings.Calendar.Zone.Id);
        var profile = ProfileBuilder.Build(identity, days, open, devices, time.GetUtcNow());
        var document = JsonSerializer.Serialize(profile, ProfileJson.Default.CreditProfile);
        await store.SaveAsync(enterprise, profile.GeneratedAt, profile.AsOf, profile.Score.Value, document, cancellationToken).ConfigureAwait(false);
        return (profile, document);
    }
}
