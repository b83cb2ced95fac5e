using System.Globalization;
using Spinel.NodeAgent.Configuration;

namespace Spinel.NodeAgent.Processes;

internal sealed partial class ShardProcess
{
    /// <summary>
    /// Applies the differences between <paramref name="current"/> and <paramref name="next"/> that need no restart
    /// (maxmemory, maxmemory-policy, persistence, replication source) and returns them as <c>name value</c> texts.
    /// Throws <see cref="InvalidOperationException"/> when redis-server refuses one.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(ShardSettings current, ShardSettings next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var commands = new List<string[]>();
        if (current.MaxMemoryBytes != next.MaxMemoryBytes)
        {
            commands.Add(["CONFIG", "SET", "maxmemory", next.MaxMemoryBytes.ToString(CultureInfo.InvariantCulture)]);
        }
        if (current.EvictionPolicy != next.EvictionPolicy)
        {
            commands.Add(["CONFIG", "SET", "maxmemory-policy", next.EvictionPolicy]);
        }
        if (current.SaveRules != next.SaveRules)
        {
            commands.Add(["CONFIG", "SET", "save", next.SaveRules]);
        }
        if (next.AppendFsync is { } appendFsync && current.AppendFsync != appendFsync)
        {
            commands.Add(["CONFIG", "SET", "appendfsync", appendFsync]);
        }
        if ((current.AppendFsync is null) != (next.AppendFsync is null))
        {
            commands.Add(["CONFIG", "SET", "appendonly", next.AppendFsync is null ? "no" : "yes"]);
        }
        if (current.MasterHost != next.MasterHost || current.MasterPort != next.MasterPort)
        {
            commands.Add(next.MasterHost is { } host && next.MasterPort is { } port
                ? ["REPLICAOF", host, port.ToString(CultureInfo.InvariantCulture)]
                : ["REPLICAOF", "NO", "ONE"]);
        }
        if (commands.Count == 0)
        {
            return [];
        }

        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var client = await RespClient.ConnectAsync(Host, Port, linked.Token).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            var applied = new List<string>(commands.Count);
            foreach (var command in commands)
            {
                var reply = await client.ExecuteAsync(command, linked.Token).ConfigureAwait(false);
                var text = string.Join(' ', command);
                if (reply.IsError)
                {
                    throw new InvalidOperationException($"{text} failed: {reply.Text}");
                }
                applied.Add(text);
            }
            return applied;
        }
    }
}
