using System.Buffers;
using System.Globalization;
using System.Text;
using Spinel.Model;
using Spinel.Proxy.Routing;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

/// <summary>The OSS Cluster API's replies, built from a <see cref="ClusterLayout"/>.</summary>
internal static class ClusterReplies
{
    public static void WriteSlots(IBufferWriter<byte> output, ClusterLayout layout)
    {
        var ranges = layout.SlotRanges().ToList();
        RespWriter.WriteArrayHeader(output, ranges.Count);
        foreach (var (range, proxy) in ranges)
        {
            RespWriter.WriteArrayHeader(output, 3);
            RespWriter.WriteInteger(output, range.Start);
            RespWriter.WriteInteger(output, range.End);
            RespWriter.WriteArrayHeader(output, 3);
            RespWriter.WriteBulkString(output, proxy.Address);
            RespWriter.WriteInteger(output, proxy.Port);
            RespWriter.WriteBulkString(output, proxy.Id);
        }
    }

    public static void WriteShards(IBufferWriter<byte> output, ClusterLayout layout, int protocol)
    {
        RespWriter.WriteArrayHeader(output, layout.Proxies.Count);
        foreach (var proxy in layout.Proxies)
        {
            RespWriter.WriteMapHeader(output, 2, protocol);
            RespWriter.WriteBulkString(output, "slots");
            RespWriter.WriteArrayHeader(output, proxy.Slots.Count * 2);
            foreach (var range in proxy.Slots)
            {
                RespWriter.WriteInteger(output, range.Start);
                RespWriter.WriteInteger(output, range.End);
            }
            RespWriter.WriteBulkString(output, "nodes");
            RespWriter.WriteArrayHeader(output, 1);
            RespWriter.WriteMapHeader(output, 7, protocol);
            RespWriter.WriteBulkString(output, "id");
            RespWriter.WriteBulkString(output, proxy.Id);
            RespWriter.WriteBulkString(output, "port");
            RespWriter.WriteInteger(output, proxy.Port);
            RespWriter.WriteBulkString(output, "ip");
            RespWriter.WriteBulkString(output, proxy.Address);
            RespWriter.WriteBulkString(output, "endpoint");
            RespWriter.WriteBulkString(output, proxy.Address);
            RespWriter.WriteBulkString(output, "role");
            RespWriter.WriteBulkString(output, "master");
            RespWriter.WriteBulkString(output, "replication-offset");
            RespWriter.WriteInteger(output, 0);
            RespWriter.WriteBulkString(output, "health");
            RespWriter.WriteBulkString(output, "online");
        }
    }

    /// <summary>CLUSTER NODES: one line per proxy, <c>id ip:port@cport flags master ping-sent pong-recv epoch link slots...</c>.</summary>
    public static string Nodes(ClusterLayout layout, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var pong = now.ToUnixTimeMilliseconds();
        foreach (var proxy in layout.Proxies)
        {
            text.Append(proxy.Id).Append(' ')
                .Append(proxy.Address).Append(':').Append(proxy.Port).Append('@').Append(proxy.Port).Append(' ')
                .Append(proxy.IsMyself ? "myself,master" : "master")
                .Append(" - 0 ").Append(proxy.IsMyself ? 0 : pong).Append(' ')
                .Append(layout.Epoch.ToString(CultureInfo.InvariantCulture)).Append(" connected");
            foreach (var range in proxy.Slots)
            {
                text.Append(' ').Append(range.ToString());
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Info(ClusterLayout layout)
    {
        var assigned = layout.Proxies.Sum(p => p.SlotCount);
        var lines = new (string Key, long Value)[]
        {
            ("cluster_slots_assigned", assigned),
            ("cluster_slots_ok", assigned),
            ("cluster_slots_pfail", 0),
            ("cluster_slots_fail", 0),
            ("cluster_known_nodes", layout.Proxies.Count),
            ("cluster_size", layout.Proxies.Count(p => p.SlotCount > 0)),
            ("cluster_current_epoch", layout.Epoch),
            ("cluster_my_epoch", layout.Epoch),
            ("cluster_stats_messages_sent", 0),
            ("cluster_stats_messages_received", 0),
            ("total_cluster_links_buffer_limit_exceeded", 0),
        };
        var state = assigned == SlotRange.SlotCount ? "ok" : "fail";
        return $"cluster_state:{state}\r\n" + string.Concat(lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key}:{l.Value}\r\n")));
    }

    public static void WriteHelp(IBufferWriter<byte> output)
    {
        string[] lines =
        [
            "CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "INFO", "    Return information about the cluster.",
            "KEYSLOT <key>", "    Return the hash slot for <key>.",
            "MYID", "    Return the node id.",
            "MYSHARDID", "    Return the node's shard id.",
            "NODES", "    Return cluster configuration seen by node.",
            "SHARDS", "    Return information about slot range mappings and the nodes associated with them.",
            "SLOTS", "    Return information about slots range mappings.",
            "HELP", "    Print this help.",
        ];
        RespWriter.WriteArrayHeader(output, lines.Length);
        foreach (var line in lines)
        {
            RespWriter.WriteSimpleString(output, line);
        }
    }
}
