using System.Collections.Frozen;
using System.Globalization;

namespace EdgeCredit.Collector.Calendars;

/// <summary>
/// Built-in public holiday sets, written by hand as data (no holiday package is served to this project).
/// Each line is <c>yyyy-MM-dd[..yyyy-MM-dd] name</c>; ranges are inclusive.
/// </summary>
/// <remarks>
/// <para><b>cn</b>: mainland China's official arrangement (国务院办公厅 notices, 放假调休), 2018-2026 as published:
/// the whole days off (statutory days plus the bridged weekend days) and the make-up working days (调休上班, usually a
/// Saturday or Sunday). 2020's Spring Festival is the extended arrangement (to 2 February, COVID-19), which also
/// cancelled the 1 February make-up day. 2027 is NOT published yet (the notice usually comes out in November of the
/// year before): its lines are projected from the statutory days (Spring Festival 6 Feb 2027; Dragon Boat 9 Jun;
/// Mid-Autumn 15 Sep) with the bridges and make-up days left out; replace them with the notice, or list the official
/// days under Calendar:PublicHolidays / Calendar:MakeUpWorkdays, which add to this set.</para>
/// <para><b>kr</b>: South Korea 2018 only (for the Steel plant replay): fixed holidays, Seollal, Buddha's Birthday,
/// Chuseok, the 2018 local elections and the substitute holidays of that year.</para>
/// </remarks>
internal static class BuiltInHolidays
{
    private static readonly string[] ChinaHolidays =
    [
        "2017-12-30..2018-01-01 New Year's Day",
        "2018-02-15..2018-02-21 Spring Festival",
        "2018-04-05..2018-04-07 Qingming",
        "2018-04-29..2018-05-01 Labour Day",
        "2018-06-16..2018-06-18 Dragon Boat Festival",
        "2018-09-22..2018-09-24 Mid-Autumn Festival",
        "2018-10-01..2018-10-07 National Day",
        "2018-12-30..2019-01-01 New Year's Day",
        "2019-02-04..2019-02-10 Spring Festival",
        "2019-04-05..2019-04-07 Qingming",
        "2019-05-01..2019-05-04 Labour Day",
        "2019-06-07..2019-06-09 Dragon Boat Festival",
        "2019-09-13..2019-09-15 Mid-Autumn Festival",
        "2019-10-01..2019-10-07 National Day",
        "2020-01-01 New Year's Day",
        "2020-01-24..2020-02-02 Spring Festival",
        "2020-04-04..2020-04-06 Qingming",
        "2020-05-01..2020-05-05 Labour Day",
        "2020-06-25..2020-06-27 Dragon Boat Festival",
        "2020-10-01..2020-10-08 National Day and Mid-Autumn Festival",
        "2021-01-01..2021-01-03 New Year's Day",
        "2021-02-11..2021-02-17 Spring Festival",
        "2021-04-03..2021-04-05 Qingming",
        "2021-05-01..2021-05-05 Labour Day",
        "2021-06-12..2021-06-14 Dragon Boat Festival",
        "2021-09-19..2021-09-21 Mid-Autumn Festival",
        "2021-10-01..2021-10-07 National Day",
        "2022-01-01..2022-01-03 New Year's Day",
        "2022-01-31..2022-02-06 Spring Festival",
        "2022-04-03..2022-04-05 Qingming",
        "2022-04-30..2022-05-04 Labour Day",
        "2022-06-03..2022-06-05 Dragon Boat Festival",
        "2022-09-10..2022-09-12 Mid-Autumn Festival",
        "2022-10-01..2022-10-07 National Day",
        "2022-12-31..2023-01-02 New Year's Day",
        "2023-01-21..2023-01-27 Spring Festival",
        "2023-04-05 Qingming",
        "2023-04-29..2023-05-03 Labour Day",
        "2023-06-22..2023-06-24 Dragon Boat Festival",
        "2023-09-29..2023-10-06 Mid-Autumn Festival and National Day",
        "2024-01-01 New Year's Day",
        "2024-02-10..2024-02-17 Spring Festival",
        "2024-04-04..2024-04-06 Qingming",
        "2024-05-01..2024-05-05 Labour Day",
        "2024-06-10 Dragon Boat Festival",
        "2024-09-15..2024-09-17 Mid-Autumn Festival",
        "2024-10-01..2024-10-07 National Day",
        "2025-01-01 New Year's Day",
        "2025-01-28..2025-02-04 Spring Festival",
        "2025-04-04..2025-04-06 Qingming",
        "2025-05-01..2025-05-05 Labour Day",
        "2025-05-31..2025-06-02 Dragon Boat Festival",
        "2025-10-01..2025-10-08 National Day and Mid-Autumn Festival",
        "2026-01-01..2026-01-03 New Year's Day",
        "2026-02-15..2026-02-23 Spring Festival",
        "2026-04-04..2026-04-06 Qingming",
        "2026-05-01..2026-05-05 Labour Day",
        "2026-06-19..2026-06-21 Dragon Boat Festival",
        "2026-09-25..2026-09-27 Mid-Autumn Festival",
        "2026-10-01..2026-10-07 National Day",
        "2027-01-01 New Year's Day (projected)",
        "2027-02-05..2027-02-09 Spring Festival (projected: statutory eve and days 1-4)",
        "2027-04-05 Qingming (projected)",
        "2027-05-01..2027-05-03 Labour Day (projected)",
        "2027-06-09 Dragon Boat Festival (projected)",
        "2027-09-15 Mid-Autumn Festival (projected)",
        "2027-10-01..2027-10-07 National Day (projected)",
    ];

    private static readonly string[] ChinaMakeUpWorkdays =
    [
        "2018-02-11 Spring Festival", "2018-02-24 Spring Festival", "2018-04-08 Qingming", "2018-04-28 Labour Day",
        "2018-09-29 National Day", "2018-09-30 National Day", "2018-12-29 New Year's Day",
        "2019-02-02 Spring Festival", "2019-02-03 Spring Festival", "2019-04-28 Labour Day", "2019-05-05 Labour Day",
        "2019-09-29 National Day", "2019-10-12 National Day",
        "2020-01-19 Spring Festival", "2020-04-26 Labour Day", "2020-05-09 Labour Day", "2020-06-28 Dragon Boat Festival",
        "2020-09-27 National Day", "2020-10-10 National Day",
        "2021-02-07 Spring Festival", "2021-02-20 Spring Festival", "2021-04-25 Labour Day", "2021-05-08 Labour Day",
        "2021-09-18 Mid-Autumn Festival", "2021-09-26 National Day", "2021-10-09 National Day",
        "2022-01-29 Spring Festival", "2022-01-30 Spring Festival", "2022-04-02 Qingming", "2022-04-24 Labour Day",
        "2022-05-07 Labour Day", "2022-10-08 National Day", "2022-10-09 National Day",
        "2023-01-28 Spring Festival", "2023-01-29 Spring Festival", "2023-04-23 Labour Day", "2023-05-06 Labour Day",
        "2023-06-25 Dragon Boat Festival", "2023-10-07 National Day", "2023-10-08 National Day",
        "2024-02-04 Spring Festival", "2024-02-18 Spring Festival", "2024-04-07 Qingming", "2024-04-28 Labour Day",
        "2024-05-11 Labour Day", "2024-09-14 Mid-Autumn Festival", "2024-09-29 National Day", "2024-10-12 National Day",
        "2025-01-26 Spring Festival", "2025-02-08 Spring Festival", "2025-04-27 Labour Day",
        "2025-09-28 National Day", "2025-10-11 National Day",
        "2026-01-04 New Year's Day", "2026-02-14 Spring Festival", "2026-02-28 Spring Festival", "2026-05-09 Labour Day",
        "2026-09-20 National Day", "2026-10-10 National Day",
    ];

    private static readonly string[] KoreaHolidays =
    [
        "2018-01-01 New Year's Day",
        "2018-02-15..2018-02-17 Seollal",
        "2018-03-01 Independence Movement Day",
        "2018-05-05 Children's Day",
        "2018-05-07 Children's Day (substitute)",
        "2018-05-22 Buddha's Birthday",
        "2018-06-06 Memorial Day",
        "2018-06-13 Local elections",
        "2018-08-15 Liberation Day",
        "2018-09-23..2018-09-25 Chuseok",
        "2018-09-26 Chuseok (substitute)",
        "2018-10-03 National Foundation Day",
        "2018-10-09 Hangul Day",
        "2018-12-25 Christmas Day",
    ];

    private static readonly FrozenDictionary<string, (FrozenDictionary<DateOnly, string> Holidays, FrozenDictionary<DateOnly, string> MakeUp)> Sets =
        new Dictionary<string, (FrozenDictionary<DateOnly, string>, FrozenDictionary<DateOnly, string>)>(StringComparer.OrdinalIgnoreCase)
        {
            ["cn"] = (Expand(ChinaHolidays), Expand(ChinaMakeUpWorkdays)),
            ["kr"] = (Expand(KoreaHolidays), Expand([])),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Names => Sets.Keys.Order(StringComparer.Ordinal);

    public static bool TryGet(string name, out IReadOnlyDictionary<DateOnly, string> holidays, out IReadOnlyDictionary<DateOnly, string> makeUpWorkdays)
    {
        if (Sets.TryGetValue(name, out var set))
        {
            (holidays, makeUpWorkdays) = (set.Holidays, set.MakeUp);
            return true;
        }

        holidays = makeUpWorkdays = FrozenDictionary<DateOnly, string>.Empty;
        return false;
    }

    private static FrozenDictionary<DateOnly, string> Expand(string[] lines)
    {
        var result = new Dictionary<DateOnly, string>();
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var span = line[..space];
            var name = line[(space + 1)..];
            var parts = span.Split("..");
            var first = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : first;
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                result[d] = name;
            }
        }

        return result.ToFrozenDictionary();
    }
}
