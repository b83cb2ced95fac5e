using Spinel.Discovery.View;
using Spinel.Resp.Framing;

namespace Spinel.Discovery.Sessions;

internal sealed partial class SentinelSession
{
    private static readonly string[] HelpLines =
    [
        "SENTINEL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GET-MASTER-ADDR-BY-NAME <master-name>",
        "    Return the ip and port number of the endpoint of the database <master-name> (or <name>@internal).",
        "MASTER <master-name>",
        "    Show the state and info of the specified master.",
        "MASTERS",
        "    Show a list of monitored masters and their state.",
        "MYID",
        "    Return the ID of this discovery service.",
        "REPLICAS <master-name>",
        "    Show a list of replicas for this master (always empty: only the primary endpoint is published).",
        "SENTINELS <master-name>",
        "    Show a list of the discovery services of the other nodes.",
        "HELP",
        "    Print this help.",
    ];

    private void Sentinel()
    {
        var view = _context.Views.Current;
        var argCount = _request.ArgCount;
        if (_request.ArgEquals(1, "MASTERS"u8) && argCount == 2)
        {
            RespWriter.WriteArrayHeader(_reply, view.Masters.Count);
            foreach (var master in view.Masters)
            {
                WriteMaster(master);
            }
        }
        else if (_request.ArgEquals(1, "MASTER"u8) && argCount == 3)
        {
            if (KnownMaster(view) is { } master)
            {
                WriteMaster(master);
            }
        }
        else if (_request.ArgEquals(1, "GET-MASTER-ADDR-BY-NAME"u8) && argCount == 3)
        {
            if (view.Find(Arg(2)) is { } master)
            {
                RespWriter.WriteArrayHeader(_reply, 2);
                RespWriter.WriteBulkString(_reply, master.Ip);
                RespWriter.WriteBulkString(_reply, master.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (Protocol >= 3)
            {
                RespWriter.WriteNull(_reply, Protocol);
            }
            else
            {
                RespWriter.WriteRaw(_reply, "*-1\r\n"u8);
            }
        }
        else if ((_request.ArgEquals(1, "REPLICAS"u8) || _request.ArgEquals(1, "SLAVES"u8)) && argCount == 3)
        {
            if (KnownMaster(view) is not null)
            {
                EmptyCollection();
            }
        }
        else if (_request.ArgEquals(1, "SENTINELS"u8) && argCount == 3)
        {
            if (KnownMaster(view) is not null)
            {
                RespWriter.WriteArrayHeader(_reply, view.Peers.Count);
                foreach (var peer in view.Peers)
                {
                    WritePeer(peer);
                }
            }
        }
        else if (_request.ArgEquals(1, "MYID"u8) && argCount == 2)
        {
            RespWriter.WriteBulkString(_reply, view.MyId);
        }
        else if (_request.ArgEquals(1, "HELP"u8) && argCount == 2)
        {
            RespWriter.WriteArrayHeader(_reply, HelpLines.Length);
            foreach (var line in HelpLines)
            {
                RespWriter.WriteSimpleString(_reply, line);
            }
        }
        else if (IsKnownSubcommand())
        {
            Error($"ERR wrong number of arguments for '{FullName(DiscoveryCommand.Sentinel)}' command");
        }
        else
        {
            UnknownSubcommand();
        }
    }

    private bool IsKnownSubcommand() =>
        _request.ArgEquals(1, "MASTERS"u8) || _request.ArgEquals(1, "MASTER"u8) || _request.ArgEquals(1, "GET-MASTER-ADDR-BY-NAME"u8) ||
        _request.ArgEquals(1, "REPLICAS"u8) || _request.ArgEquals(1, "SLAVES"u8) || _request.ArgEquals(1, "SENTINELS"u8) ||
        _request.ArgEquals(1, "MYID"u8) || _request.ArgEquals(1, "HELP"u8);

    // The master named by argument 2, or null after answering Sentinel's error for an unknown name.
    private MasterEntry? KnownMaster(SentinelView view)
    {
        if (view.Find(Arg(2)) is { } master)
        {
            return master;
        }
        Error("ERR No such master with that name");
        return null;
    }

    private void WriteMaster(MasterEntry master) => WriteFields(
    [
        ("name", master.Name), ("ip", master.Ip), ("port", Number(master.Port)), ("runid", master.RunId), ("flags", "master"),
        ("link-pending-commands", "0"), ("link-refcount", "1"), ("last-ping-sent", "0"), ("last-ok-ping-reply", "0"),
        ("last-ping-reply", "0"), ("down-after-milliseconds", "30000"), ("info-refresh", "0"), ("role-reported", "master"),
        ("role-reported-time", "0"), ("config-epoch", "0"), ("num-slaves", "0"), ("num-other-sentinels", "0"), ("quorum", "1"),
        ("failover-timeout", "180000"), ("parallel-syncs", "1"),
    ]);

    private void WritePeer(SentinelPeer peer) => WriteFields(
    [
        ("name", peer.RunId), ("ip", peer.Ip), ("port", Number(peer.Port)), ("runid", peer.RunId), ("flags", "sentinel"),
        ("link-pending-commands", "0"), ("link-refcount", "1"), ("last-ping-sent", "0"), ("last-ok-ping-reply", "0"),
        ("last-ping-reply", "0"), ("down-after-milliseconds", "30000"), ("last-hello-message", "0"), ("voted-leader", "?"),
        ("voted-leader-epoch", "0"),
    ]);

    // Sentinel answers an instance as a map (RESP3) or a flat field/value array (RESP2), every value a bulk string.
    private void WriteFields(ReadOnlySpan<(string Field, string Value)> fields)
    {
        RespWriter.WriteMapHeader(_reply, fields.Length, Protocol);
        foreach (var (field, value) in fields)
        {
            RespWriter.WriteBulkString(_reply, field);
            RespWriter.WriteBulkString(_reply, value);
        }
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
