using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Profiles;

internal static class ProfilesExtensions
{
    /// <summary>Registers credit profiles (section <c>Profiles</c>).</summary>
    public static IHostApplicationBuilder AddProfiles(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<ProfileOptions>().BindConfiguration(ProfileOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ProfileOptions>, ProfileOptionsValidator>();
        builder.Services.AddSingleton<ProfileStore>();
        builder.Services.AddSingleton<ProfileComposer>();
        builder.Services.AddHostedService<ProfileService>();
        return builder;
    }
}
