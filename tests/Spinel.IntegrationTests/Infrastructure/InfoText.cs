namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>Reads INFO replies.</summary>
public static class InfoText
{
    /// <summary>The <c>field:value</c> lines of an INFO text.</summary>
    public static Dictionary<string, string> Parse(string info)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in info.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                fields[line[..colon]] = line[(colon + 1)..];
            }
        }
        return fields;
    }

    /// <summary>One numeric INFO field of a connection (a shard or the endpoint).</summary>
    public static async Task<long> FieldAsync(RawRespClient client, string section, string field) =>
        long.Parse(Parse(await client.CommandAsync("INFO", section))[field]);
}
