namespace Spinel.Api.Stats;

/// <summary>The aggregation intervals of Redis Enterprise's stats API, with how many of each a node keeps.</summary>
public sealed record StatsInterval(string Name, TimeSpan Length, int Kept)
{
    public static IReadOnlyList<StatsInterval> All { get; } =
    [
        new("1sec", TimeSpan.FromSeconds(1), 300),
        new("10sec", TimeSpan.FromSeconds(10), 360),
        new("5min", TimeSpan.FromMinutes(5), 288),
        new("15min", TimeSpan.FromMinutes(15), 96),
        new("1hour", TimeSpan.FromHours(1), 168),
        new("12hour", TimeSpan.FromHours(12), 60),
        new("1week", TimeSpan.FromDays(7), 8),
    ];

    public static StatsInterval? Find(string? name) => All.FirstOrDefault(i => i.Name == name);

    /// <summary>The start of the interval that holds <paramref name="time"/>, aligned to the epoch so every node agrees.</summary>
    public DateTimeOffset Floor(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % Length.Ticks), TimeSpan.Zero);
}
