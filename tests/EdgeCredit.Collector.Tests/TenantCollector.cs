using EdgeCredit.Collector.Devices;

namespace EdgeCredit.Collector.Tests;

/// <summary>
/// The real collector with two enterprises and three lenders: bank-a holds a valid grant for acme-metal; bank-b a valid
/// one for beta-textile and an expired one for acme-metal; bank-c one for acme-metal that starts next year.
/// </summary>
public sealed class TenantCollector : IAsyncLifetime
{
    public const string OtherEnterprise = "beta-textile";
    public const string OtherDevice = "gw-b1";
    public const string OtherSecret = "secret-gw-b1";
    public const string BankAKey = "key-of-bank-a-0001";
    public const string BankBKey = "key-of-bank-b-0002";
    public const string BankCKey = "key-of-bank-c-0003";

    public TenantCollector()
    {
        var nextYear = DateTimeOffset.UtcNow.AddYears(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Collector = new TestCollector(
        [
            $"--Registry:Devices:2:Id={OtherDevice}",
            $"--Registry:Devices:2:Enterprise={OtherEnterprise}",
            $"--Registry:Devices:2:SecretHash={SecretHash.Create(OtherSecret)}",
            "--Tenancy:Lenders:0:Id=bank-a",
            "--Tenancy:Lenders:0:Name=Bank A",
            "--Tenancy:Lenders:1:Id=bank-b",
            "--Tenancy:Lenders:2:Id=bank-c",
            $"--Tenancy:Grants:0:Lender=bank-a",
            $"--Tenancy:Grants:0:Enterprise={TestBatches.Enterprise}",
            "--Tenancy:Grants:0:ValidFrom=2025-01-01T00:00:00Z",
            $"--Tenancy:Grants:1:Lender=bank-b",
            $"--Tenancy:Grants:1:Enterprise={OtherEnterprise}",
            $"--Tenancy:Grants:2:Lender=bank-b",
            $"--Tenancy:Grants:2:Enterprise={TestBatches.Enterprise}",
            "--Tenancy:Grants:2:ValidFrom=2020-01-01T00:00:00Z",
            "--Tenancy:Grants:2:ValidTo=2021-01-01T00:00:00Z",
            $"--Tenancy:Grants:3:Lender=bank-c",
            $"--Tenancy:Grants:3:Enterprise={TestBatches.Enterprise}",
            $"--Tenancy:Grants:3:ValidFrom={nextYear}",
            "--Api:Keys:1:Name=bank-a-key",
            "--Api:Keys:1:Lender=bank-a",
            $"--Api:Keys:1:KeyHash={SecretHash.Create(BankAKey)}",
            "--Api:Keys:2:Name=bank-b-key",
            "--Api:Keys:2:Lender=bank-b",
            $"--Api:Keys:2:KeyHash={SecretHash.Create(BankBKey)}",
            "--Api:Keys:3:Name=bank-c-key",
            "--Api:Keys:3:Lender=bank-c",
            $"--Api:Keys:3:KeyHash={SecretHash.Create(BankCKey)}",
        ]);
    }

    public TestCollector Collector { get; }

    public Task InitializeAsync() => Collector.InitializeAsync();

    public Task DisposeAsync() => Collector.DisposeAsync();
}
