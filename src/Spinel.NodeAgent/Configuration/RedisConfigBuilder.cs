using System.Globalization;
using System.Text;
using Spinel.Model;

namespace Spinel.NodeAgent.Configuration;

/// <summary>Writes the <c>redis.conf</c> of a shard.</summary>
public static class RedisConfigBuilder
{
    /// <summary>
    /// Returns the redis.conf text for <paramref name="shard"/>, whose files live in <paramref name="shardDirectory"/>.
    /// A replica's master is looked up in <paramref name="snapshot"/>; throws <see cref="InvalidOperationException"/> when it is missing.
    /// </summary>
    public static string Build(ShardConfig shard, TopologySnapshot snapshot, string shardDirectory)
    {
        if (!ShardSettings.TryCreate(shard, snapshot, out var settings, out var error))
        {
            throw new InvalidOperationException(error);
        }
        return Build(settings, new ShardPaths(Path.GetFullPath(shardDirectory)));
    }

    internal static string Build(ShardSettings settings, ShardPaths paths)
    {
        var text = new StringBuilder();
        text.Append("# Written by the Spinel node agent for shard ").Append(Format(settings.ShardUid))
            .Append("; it is rewritten on every start and setting change.\n");
        Line(text, "bind", Quote(settings.Host));
        Line(text, "port", Format(settings.Port));
        Line(text, "dir", Quote(paths.Directory));
        Line(text, "pidfile", Quote(paths.PidFile));
        Line(text, "logfile", Quote(paths.LogFile));
        Line(text, "daemonize", "no");
        Line(text, "protected-mode", "no");
        Line(text, "maxmemory", Format(settings.MaxMemoryBytes));
        Line(text, "maxmemory-policy", Quote(settings.EvictionPolicy));
        // Files only as the database's persistence asks (on replicas by default); full syncs stay diskless either way.
        Line(text, "save", settings.SaveRules.Length == 0 ? "\"\"" : SaveRules(settings.SaveRules));
        if (settings.AppendFsync is { } appendFsync)
        {
            Line(text, "appendonly", "yes");
            Line(text, "appendfsync", Quote(appendFsync));
        }
        else
        {
            Line(text, "appendonly", "no");
        }
        Line(text, "repl-diskless-sync", "yes");
        Line(text, "repl-diskless-sync-delay", "0");
        if (settings.MasterHost is { } masterHost && settings.MasterPort is { } masterPort)
        {
            Line(text, "replicaof", Quote(masterHost) + " " + Format(masterPort));
        }
        foreach (var words in ShardAclUsers.Parse(settings.AclUsers).Values)
        {
            Line(text, "user", string.Join(' ', words.Select(Quote)));
        }
        return text.ToString();
    }

    // Pairs of numbers only: anything else in the topology would be a bug, not something to write into the file.
    private static string SaveRules(string rules) =>
        rules.All(c => char.IsAsciiDigit(c) || c == ' ')
            ? rules
            : throw new InvalidOperationException($"save rules '{rules}' are not pairs of numbers");

    private static void Line(StringBuilder text, string directive, string value) =>
        text.Append(directive).Append(' ').Append(value).Append('\n');

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Values come from the topology; quoting them keeps a stray space or newline from adding a directive.
    internal static string Quote(string value)
    {
        if (value.Length > 0 && value.All(IsPlain))
        {
            return value;
        }
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    quoted.Append('\\').Append(c);
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\r':
                    quoted.Append("\\r");
                    break;
                case '\t':
                    quoted.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        quoted.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':';
}
