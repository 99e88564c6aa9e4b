namespace EdgeCredit.Collector.Devices;

/// <summary>Outcome of checking MQTT credentials against the registry.</summary>
internal enum CredentialCheck
{
    Accepted,
    MissingCredentials,
    UnknownDevice,
    WrongSecret,
}
