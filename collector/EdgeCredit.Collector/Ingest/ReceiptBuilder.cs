using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>Groups the signals messages of one committed transaction into one receipt per device.</summary>
internal static class ReceiptBuilder
{
    /// <summary>
    /// Stored: batches stored now and identical resends. Refused: quarantined batches whose device and sequence
    /// are known. Messages with no known device and sequence get no receipt.
    /// </summary>
    public static List<DeviceReceipt> Build(IReadOnlyList<WriteItem> items, IReadOnlyList<IngestOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(outcomes);
        var byDevice = new Dictionary<(string Enterprise, string Device), (List<long> Stored, List<RefusedBatch> Refused)>();
        var listed = new HashSet<ReceiptAddress>();
        for (var i = 0; i < items.Count; i++)
        {
            var outcome = outcomes[i];
            var address = items[i] switch
            {
                BatchWrite batch => batch.Receipt,
                QuarantineWrite { Receipt: { } receipt } => receipt,
                _ => (ReceiptAddress?)null,
            };
            if (address is not { } a)
            {
                continue;
            }

            if (!byDevice.TryGetValue((a.Enterprise, a.Device), out var lists))
            {
                lists = ([], []);
                byDevice.Add((a.Enterprise, a.Device), lists);
            }

            if (outcome.Result is IngestResult.Stored or IngestResult.AlreadyStored)
            {
                // Two copies in one transaction: the sequence is listed once.
                if (listed.Add(a))
                {
                    lists.Stored.Add(a.Sequence);
                }
            }
            else if (outcome is { Result: IngestResult.Quarantined, Reason: { } reason })
            {
                lists.Refused.Add(new RefusedBatch { Sequence = a.Sequence, Reason = reason, Detail = outcome.Detail ?? string.Empty });
            }
        }

        var receipts = new List<DeviceReceipt>(byDevice.Count);
        foreach (var ((enterprise, device), (stored, refused)) in byDevice)
        {
            receipts.Add(new DeviceReceipt(enterprise, device, new DeliveryReceipt { Version = SignalBatch.CurrentVersion, Stored = stored, Refused = refused }));
        }

        return receipts;
    }
}
