using System.Globalization;

namespace Spinel.Node.Metrics;

/// <summary>Memory and CPU of the machine, read from <c>/proc</c> (zeros where there is none).</summary>
internal sealed record HostResources(long MemoryTotal, long MemoryAvailable, long MemoryFree, double CpuUserSeconds, double CpuSystemSeconds, double CpuIdleSeconds)
{
    // USER_HZ is 100 on every Linux the node runs on.
    private const double TicksPerSecond = 100;

    public static HostResources Read()
    {
        long total = 0, available = 0, free = 0;
        double user = 0, system = 0, idle = 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    switch (parts[0])
                    {
                        case "MemTotal:": total = kib * 1024; break;
                        case "MemAvailable:": available = kib * 1024; break;
                        case "MemFree:": free = kib * 1024; break;
                    }
                }
            }
            var cpu = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var fields = cpu?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (fields.Length >= 5)
            {
                user = (Parse(fields[1]) + Parse(fields[2])) / TicksPerSecond;
                system = Parse(fields[3]) / TicksPerSecond;
                idle = Parse(fields[4]) / TicksPerSecond;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        return new HostResources(total, available, free, user, system, idle);
    }

    private static double Parse(string text) => double.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
