using System.Globalization;
using Spinel.NodeAgent.Configuration;

namespace Spinel.NodeAgent.Processes;

internal sealed partial class ShardProcess
{
    /// <summary>
    /// Applies the differences between <paramref name="current"/> and <paramref name="next"/> that need no restart
    /// (maxmemory, maxmemory-policy, persistence, replication source, ACL users) and returns them as <c>name value</c> texts.
    /// Throws <see cref="InvalidOperationException"/> when redis-server refuses one, except an ACL user: that one is
    /// deleted (it must not keep rights it no longer has) and described in <paramref name="refused"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(
        ShardSettings current, ShardSettings next, TimeSpan timeout, CancellationToken cancellationToken, ICollection<string>? refused = null)
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
        var userCommands = AclUserCommands(current.AclUsers, next.AclUsers);
        if (commands.Count == 0 && userCommands.Count == 0)
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
            foreach (var command in userCommands)
            {
                var reply = await client.ExecuteAsync(command, linked.Token).ConfigureAwait(false);
                // The digests are no secret to redis.conf, but a log line names only the user and the outcome.
                var text = command[0] + " " + command[1] + " " + command[2];
                if (reply.IsError)
                {
                    refused?.Add($"{text}: {reply.Text}");
                    await client.ExecuteAsync(["ACL", "DELUSER", command[2]], linked.Token).ConfigureAwait(false);
                    continue;
                }
                applied.Add(text);
            }
            return applied;
        }
    }

    // Deletions first, then users added or changed; an unchanged user is left alone so its connections stay signed in.
    private static List<string[]> AclUserCommands(string current, string next)
    {
        if (current == next)
        {
            return [];
        }
        var before = ShardAclUsers.Parse(current);
        var after = ShardAclUsers.Parse(next);
        var commands = new List<string[]>();
        foreach (var name in before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            commands.Add(["ACL", "DELUSER", name]);
        }
        foreach (var (name, words) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(name, out var old) || !old.SequenceEqual(words, StringComparer.Ordinal))
            {
                commands.Add(["ACL", "SETUSER", .. words]);
            }
        }
        return commands;
    }
}
