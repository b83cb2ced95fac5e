namespace Spinel.IntegrationTests.Infrastructure;

public static class RawRespClientExtensions
{
    /// <summary>Sends one command and parses its reply into a tree.</summary>
    public static async Task<RespTree> CommandTreeAsync(this RawRespClient client, params string[] args)
    {
        await client.SendCommandAsync(args);
        return RespTree.Parse(await client.ReadFrameAsync());
    }

    /// <summary>Reads <paramref name="count"/> frames, rendered, sorted: for messages from several shards, which arrive in any order.</summary>
    public static async Task<List<string>> ReadUnorderedAsync(this RawRespClient client, int count)
    {
        var frames = new List<string>();
        for (var i = 0; i < count; i++)
        {
            frames.Add(await client.ReadAsync());
        }
        frames.Sort(StringComparer.Ordinal);
        return frames;
    }
}
