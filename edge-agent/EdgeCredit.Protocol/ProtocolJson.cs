using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>JSON settings of the wire protocol: camelCase members, snake_case enum names, unknown members refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignalBatch))]
[JsonSerializable(typeof(DeviceStatus))]
[JsonSerializable(typeof(DeliveryReceipt))]
public sealed partial class ProtocolJson : JsonSerializerContext
{
    private static readonly ConcurrentDictionary<Enum, string> WireNames = new();

    public static byte[] Serialize(SignalBatch batch) => JsonSerializer.SerializeToUtf8Bytes(batch, Default.SignalBatch);

    public static byte[] Serialize(DeviceStatus status) => JsonSerializer.SerializeToUtf8Bytes(status, Default.DeviceStatus);

    public static DeviceStatus? DeserializeStatus(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Default.DeviceStatus);

    public static byte[] Serialize(DeliveryReceipt receipt) => JsonSerializer.SerializeToUtf8Bytes(receipt, Default.DeliveryReceipt);

    /// <summary>Reads a receipt; throws <see cref="JsonException"/> when the payload is not one.</summary>
    public static DeliveryReceipt? DeserializeReceipt(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Default.DeliveryReceipt);

    /// <summary>The wire name of an enum value (the value of its <see cref="JsonStringEnumMemberNameAttribute"/>).</summary>
    public static string EnumWireName<T>(T value)
        where T : struct, Enum =>
        WireNames.GetOrAdd(value, static v =>
            v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());

    public static bool TryParseEnum<T>(string wireName, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(EnumWireName(candidate), wireName, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
