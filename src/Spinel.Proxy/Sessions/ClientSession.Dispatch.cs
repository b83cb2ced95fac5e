using System.Buffers;
using System.Diagnostics;
using Spinel.Proxy.Commands;
using Spinel.Proxy.Metrics;
using Spinel.Resp.Commands;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private RequestKind _measuredKind;
    private long _measuredStart;

    private void Execute()
    {
        var request = _request;
        _measuredKind = RequestKind.Other;
        _measuredStart = Stopwatch.GetTimestamp();
        if (!CommandTable.TryGet(request[0], out var command))
        {
            FailQueuedTransaction();
            ReplyError(UnknownCommandError());
            return;
        }
        var info = command.IsContainer && request.ArgCount > 1 ? CommandTable.Resolve(request) ?? command : command;
        if (ReferenceEquals(info, command) && command.Subcommands is { Count: > 0 } && request.ArgCount > 1)
        {
            FailQueuedTransaction();
            ReplyError($"ERR unknown subcommand '{Truncate(request.GetString(1))}'. Try {command.Name.ToUpperInvariant()} HELP.");
            return;
        }
        if (!CommandTable.CheckArity(info, request.ArgCount))
        {
            FailQueuedTransaction();
            ReplyError($"ERR wrong number of arguments for '{info.Name}' command");
            return;
        }
        LastCommand = info.Name;
        _measuredKind = RequestKinds.Of(info.Flags);
        var kind = ProxyCommandTable.Classify(info.Name);
        if (!_authenticated && !ProxyCommandTable.AllowedBeforeAuth(kind))
        {
            FailQueuedTransaction();
            ReplyError("NOAUTH Authentication required.");
            return;
        }
        if (_user is { } user && !AclAllows(info, user))
        {
            FailQueuedTransaction();
            return;
        }
        if (_transaction is not null && kind is not (ProxyCommand.Exec or ProxyCommand.Discard or ProxyCommand.Multi
            or ProxyCommand.Watch or ProxyCommand.Quit or ProxyCommand.Reset))
        {
            QueueInTransaction(info, kind);
            return;
        }
        if (IsSubscribed && Protocol < 3 && !ProxyCommandTable.AllowedWhileSubscribed(kind))
        {
            ReplyError($"ERR Can't execute '{info.Name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return;
        }
        if ((info.Flags & CommandFlags.Write) != 0 && FenceHoldsBack())
        {
            return;
        }
        Run(kind, info);
    }

    private void Run(ProxyCommand kind, CommandInfo info)
    {
        if (_user is not null && IsScript(info))
        {
            ScriptAsUser(info);
            return;
        }
        switch (kind)
        {
            case ProxyCommand.Forward: ForwardByKeys(info); break;
            case ProxyCommand.NotAllowed: ReplyError("ERR command is not allowed"); break;
            case ProxyCommand.Ping: Ping(); break;
            case ProxyCommand.Echo: Reply(w => Resp.Framing.RespWriter.WriteBulkString(w, _request[1])); break;
            case ProxyCommand.Hello: Hello(); break;
            case ProxyCommand.Auth: Auth(); break;
            case ProxyCommand.Select: Select(); break;
            case ProxyCommand.Quit: Quit(); break;
            case ProxyCommand.Reset: ResetSession(); break;
            case ProxyCommand.Time: Time(); break;
            case ProxyCommand.Command: CommandIntrospection(); break;
            case ProxyCommand.Info: Info(); break;
            case ProxyCommand.ClientId: Reply(w => Resp.Framing.RespWriter.WriteInteger(w, Id)); break;
            case ProxyCommand.ClientSetName: ClientSetName(); break;
            case ProxyCommand.ClientGetName: ClientGetName(); break;
            case ProxyCommand.ClientInfo: Reply(w => Resp.Framing.RespWriter.WriteVerbatim(w, DescribeClient() + "\n", Protocol)); break;
            case ProxyCommand.ClientList: ClientList(); break;
            case ProxyCommand.ClientKill: ClientKill(); break;
            case ProxyCommand.ClientReply: ClientReply(); break;
            case ProxyCommand.ConfigGet: ConfigGet(); break;
            case ProxyCommand.ConfigSet: ConfigSet(); break;
            case ProxyCommand.AclWhoAmI: Reply(w => Resp.Framing.RespWriter.WriteBulkString(w, UserName)); break;
            case ProxyCommand.AclUsers: AclUsers(); break;
            case ProxyCommand.AclGetUser: AclGetUser(); break;
            case ProxyCommand.AclList: AclList(); break;
            case ProxyCommand.AclCat: AclCat(); break;
            // With the OSS Cluster API, multi-key commands need one slot, as in Redis Cluster.
            case ProxyCommand.MultiKeyGet when _ossCluster: ForwardByKeys(info); break;
            case ProxyCommand.MultiKeySet when _ossCluster: ForwardByKeys(info); break;
            case ProxyCommand.MultiKeyCount when _ossCluster: ForwardByKeys(info); break;
            case ProxyCommand.MultiKeyGet: MultiKeyGet(info); break;
            case ProxyCommand.MultiKeySet: MultiKeySet(info); break;
            case ProxyCommand.MultiKeyCount: MultiKeyCount(info); break;
            case ProxyCommand.DbSize: ToKeyspaceShards(Replies.ReplyMerges.SumIntegers, ":0\r\n"u8); break;
            case ProxyCommand.Keys: ToKeyspaceShards(Replies.ReplyMerges.OwnedKeys(_database.Table, KeyspaceMasters), "*0\r\n"u8); break;
            case ProxyCommand.Scan: Scan(); break;
            case ProxyCommand.FlushAll: ToKeyspaceShards(Replies.ReplyMerges.AllOk, "+OK\r\n"u8); break;
            case ProxyCommand.RandomKey: RandomKey(); break;
            case ProxyCommand.AllShardsOk: ToAllShards(Replies.ReplyMerges.AllOk); break;
            case ProxyCommand.AllShardsSum: ToAllShards(Replies.ReplyMerges.SumIntegers); break;
            case ProxyCommand.AllShardsConcat: ToAllShards(Replies.ReplyMerges.ConcatArrays); break;
            case ProxyCommand.ScriptExists: ToAllShards(Replies.ReplyMerges.AndIntegerArrays); break;
            case ProxyCommand.Kill: ToAllShards(KillMerge); break;
            case ProxyCommand.PubSubUnion: ToAllShards(PubSubUnionMerge); break;
            case ProxyCommand.PubSubNumSub: ToAllShards(PubSubNumSubMerge); break;
            case ProxyCommand.PubSubNumPat: ToAllShards(PubSubNumPatMerge); break;
            case ProxyCommand.Multi: Multi(); break;
            case ProxyCommand.Exec: Exec(); break;
            case ProxyCommand.Discard: Discard(); break;
            case ProxyCommand.Watch: Watch(info); break;
            case ProxyCommand.Unwatch: Unwatch(); break;
            case ProxyCommand.Subscribe: Subscribe(PubSubKind.Channel); break;
            case ProxyCommand.PSubscribe: Subscribe(PubSubKind.Pattern); break;
            case ProxyCommand.SSubscribe: Subscribe(PubSubKind.ShardChannel); break;
            case ProxyCommand.Unsubscribe: Unsubscribe(PubSubKind.Channel); break;
            case ProxyCommand.PUnsubscribe: Unsubscribe(PubSubKind.Pattern); break;
            case ProxyCommand.SUnsubscribe: Unsubscribe(PubSubKind.ShardChannel); break;
            case ProxyCommand.Publish: Publish(); break;
            case ProxyCommand.Blocking: Blocking(info); break;
            case ProxyCommand.StreamRead: StreamRead(info); break;
            case ProxyCommand.Wait: Wait(); break;
            case ProxyCommand.Cluster: Cluster(); break;
            case ProxyCommand.ClusterMode: ClusterModeCommand(); break;
            default: ReplyError("ERR command is not allowed"); break;
        }
    }

    private string UnknownCommandError()
    {
        var args = new System.Text.StringBuilder();
        for (var i = 1; i < _request.ArgCount && args.Length < 128; i++)
        {
            args.Append('\'').Append(Truncate(_request.GetString(i))).Append("' ");
        }
        return $"ERR unknown command '{Truncate(_request.GetString(0))}', with args beginning with: {args}";
    }

    private static string Truncate(string value)
    {
        var clean = value.Replace('\r', ' ').Replace('\n', ' ');
        return clean.Length > 128 ? clean[..128] : clean;
    }

    private ReplySlot NewSlot()
    {
        var slot = _queue.Enqueue();
        if (_measuredKind != RequestKind.None)
        {
            // The first reply slot of a request stands for its response; fan-outs and transactions take only one.
            slot.Measure(_database.Counters, _measuredKind, _measuredStart);
            _measuredKind = RequestKind.None;
        }
        if (_replyMode != ClientReplyMode.On)
        {
            slot.Suppressed = true;
            if (_replyMode == ClientReplyMode.Skip)
            {
                _replyMode = ClientReplyMode.On;
            }
        }
        return slot;
    }

    private void ReplyError(string error) => NewSlot().CompleteError(error);

    private void ReplyRaw(ReadOnlySpan<byte> reply) => NewSlot().Complete(reply);

    private void Reply(Action<IBufferWriter<byte>> write)
    {
        _scratch.ResetWrittenCount();
        write(_scratch);
        NewSlot().Complete(_scratch.WrittenSpan);
    }
}
