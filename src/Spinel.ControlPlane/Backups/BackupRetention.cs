using System.Globalization;
using System.Text.RegularExpressions;

namespace Spinel.ControlPlane.Backups;

/// <summary>
/// Which files of a database's backups are past its <c>backup_history</c>. Only files named as this cluster names a
/// shard's backup of this database (<c>&lt;name&gt;-db&lt;uid&gt;-shard&lt;uid&gt;-&lt;UTC time&gt;.rdb</c>) are ever
/// candidates, so nothing else in a shared directory is touched.
/// </summary>
public static partial class BackupRetention
{
    public static IReadOnlyList<string> Expired(string directory, int bdbUid, int historyDays, DateTimeOffset now)
    {
        if (historyDays <= 0 || !Directory.Exists(directory))
        {
            return [];
        }
        var cutoff = now - TimeSpan.FromDays(historyDays);
        var expired = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.rdb"))
        {
            if (TakenAt(Path.GetFileName(file), bdbUid) is { } taken && taken < cutoff)
            {
                expired.Add(file);
            }
        }
        expired.Sort(StringComparer.Ordinal);
        return expired;
    }

    /// <summary>When the backup in <paramref name="fileName"/> was taken; null when the file is not one of this database's.</summary>
    public static DateTimeOffset? TakenAt(string fileName, int bdbUid)
    {
        var match = ShardFileName().Match(fileName);
        if (!match.Success || match.Groups["bdb"].Value != bdbUid.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }
        return DateTimeOffset.TryParseExact(match.Groups["time"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var taken) ? taken : null;
    }

    [GeneratedRegex(@"^.+-db(?<bdb>[0-9]+)-shard[0-9]+-(?<time>[0-9]{8}-[0-9]{6})\.rdb$", RegexOptions.CultureInvariant)]
    private static partial Regex ShardFileName();
}
