using System.Collections.Frozen;
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
    public static byte[] Serialize(SignalBatch batch) => JsonSerializer.SerializeToUtf8Bytes(batch, Default.SignalBatch);

    public static byte[] Serialize(DeviceStatus status) => JsonSerializer.SerializeToUtf8Bytes(status, Default.DeviceStatus);

    public static DeviceStatus? DeserializeStatus(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Default.DeviceStatus);

    public static byte[] Serialize(DeliveryReceipt receipt) => JsonSerializer.SerializeToUtf8Bytes(receipt, Default.DeliveryReceipt);

    /// <summary>Reads a receipt; throws <see cref="JsonException"/> when the payload is not one.</summary>
    public static DeliveryReceipt? DeserializeReceipt(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Default.DeliveryReceipt);

    /// <summary>The wire name of an enum value (the value of its <see cref="JsonStringEnumMemberNameAttribute"/>).</summary>
    public static string EnumWireName<T>(T value)
        where T : struct, Enum =>
        WireNames<T>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    public static bool TryParseEnum<T>(string wireName, out T value)
        where T : struct, Enum =>
        WireNames<T>.ByName.TryGetValue(wireName, out value);

    /// <summary>Both directions, built once per enum type; lookups on the ingest path neither box nor scan.</summary>
    private static class WireNames<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().ToFrozenDictionary(
            v => v,
            v => typeof(T).GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(e => e.Value, e => e.Key, StringComparer.Ordinal);
    }
}
