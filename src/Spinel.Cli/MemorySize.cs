using System.Globalization;

namespace Spinel.Cli;

/// <summary>Memory sizes as written on the command line (<c>1g</c>, <c>512m</c>, <c>100mb</c>, <c>1073741824</c>) and as shown in tables.</summary>
/// <remarks>Units are binary (1k = 1024 bytes), as Redis Enterprise counts database memory.</remarks>
internal static class MemorySize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("tb", 1L << 40), ("t", 1L << 40),
        ("gb", 1L << 30), ("g", 1L << 30),
        ("mb", 1L << 20), ("m", 1L << 20),
        ("kb", 1L << 10), ("k", 1L << 10),
        ("b", 1),
    ];

    /// <summary>Parses a positive size: a whole number of bytes, or a number (fractions allowed, rounded to bytes) with a k/m/g/t unit, optionally followed by b.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        long factor = 1;
        foreach (var (suffix, unitFactor) in Units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                value = value[..^suffix.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (value.Length == 0 || !char.IsAsciiDigit(value[0]) ||
            !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        if (factor == 1 && decimal.Truncate(number) != number)
        {
            return false;
        }
        if (number > long.MaxValue / factor)
        {
            return false;
        }
        var total = decimal.Round(number * factor);
        if (total < 1)
        {
            return false;
        }
        bytes = (long)total;
        return true;
    }

    /// <summary>Formats bytes the way rladmin shows them: <c>1GB</c>, <c>1.5GB</c>, <c>512MB</c>, <c>740KB</c>, <c>12B</c>.</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        }
        string[] names = ["KB", "MB", "GB", "TB", "PB"];
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < names.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("0.##", CultureInfo.InvariantCulture) + names[unit];
    }
}
