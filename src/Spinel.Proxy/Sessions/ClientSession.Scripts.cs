using System.Buffers;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Routing;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// Scripts of an ACL user: the proxy checks only a script's declared keys, so the commands inside it must be checked by
/// the shard, which carries the database's ACL users. Each script (or a transaction holding one) runs on a dedicated
/// connection signed in as the user, which signs back in as the default user (nopass) afterwards. The default user's
/// scripts never come here.
/// </summary>
internal sealed partial class ClientSession
{
    private static readonly byte[] SignOutFrame = RespWriter.EncodeCommand("AUTH", "default", "x");

    /// <summary>The password the ACL user signed in with; null for the default user.</summary>
    private byte[]? _password;

    /// <summary>True when the open transaction queued a script command.</summary>
    private bool _transactionHasScript;

    private static bool IsScript(CommandInfo info) =>
        info.Name is "eval" or "evalsha" or "eval_ro" or "evalsha_ro" or "fcall" or "fcall_ro";

    private void ScriptAsUser(CommandInfo info)
    {
        if (TryRouteByKeys(info, out var route))
        {
            SendAsUser(route, [_request.Frame.ToArray()], NewSlot());
        }
    }

    /// <summary>
    /// Sends <c>AUTH user password</c> alone on a dedicated connection and only once it said OK the
    /// <paramref name="frames"/> and the sign-out: a failed AUTH leaves the connection the default user, so nothing may
    /// follow it. <paramref name="target"/> gets the last frame's reply, or the AUTH error. Until the sign-out answered,
    /// the client's next requests to the shard wait on a held gate connection, so none overtakes the script.
    /// </summary>
    private void SendAsUser(ShardRoute route, List<ReadOnlyMemory<byte>> frames, IReplySink target)
    {
        var connection = route.Pool.RentDedicated(Protocol);
        lock (_blockedGate)
        {
            _blocked.Add(connection);
            _blockedCount = _blocked.Count;
        }
        var gate = route.Pool.RentDedicated(Protocol);
        gate.Hold();
        gate.Send(PingFrame, DiscardSink.Instance);
        var run = new UserRun(this, route, connection, gate, frames, frames.Count > 1 ? new LastReplySink(target, frames.Count) : target);
        var earlier = ConnectionFor(route);
        connection.Hold();
        connection.Send(SignInFrame(_user!.Name, _password ?? []), run);
        earlier.Send(PingFrame, new ActionSink(_ => connection.Release()));
        Touch(earlier);
        Pin(route.Pool, gate);
    }

    private static byte[] SignInFrame(string name, byte[] password)
    {
        var frame = new ArrayBufferWriter<byte>(32 + name.Length * 3 + password.Length);
        RespWriter.WriteArrayHeader(frame, 3);
        RespWriter.WriteBulkString(frame, "AUTH"u8);
        RespWriter.WriteBulkString(frame, name);
        RespWriter.WriteBulkString(frame, password);
        return frame.WrittenSpan.ToArray();
    }

    private void OnUserRunDone(ShardRoute route, BackendConnection connection, BackendConnection gate, bool signedOut)
    {
        if (!signedOut)
        {
            // Still signed in as the user (or in an unknown state): never hand it to another client.
            connection.DisposeAsync().Forget();
        }
        OnDedicatedDone(route, connection);
        gate.Release();
    }

    /// <summary>The replies of AUTH, the frames and the sign-out, in that order, on one dedicated connection.</summary>
    private sealed class UserRun(
        ClientSession session, ShardRoute route, BackendConnection connection, BackendConnection gate,
        List<ReadOnlyMemory<byte>> frames, IReplySink target) : IReplySink
    {
        private int _received;
        private int _expected = 1;
        private bool _signedOut;

        public void OnReply(in ReadOnlySequence<byte> frame)
        {
            var index = _received++;
            if (index == 0)
            {
                if (IsError(frame))
                {
                    target.OnReply(frame);
                    session.OnUserRunDone(route, connection, gate, signedOut: true);
                    return;
                }
                _expected += frames.Count + 1;
                var requests = new List<ReadOnlyMemory<byte>>(frames) { SignOutFrame };
                connection.SendBatch(requests, Enumerable.Repeat<IReplySink>(this, requests.Count).ToList());
                connection.Flush();
                return;
            }
            if (index <= frames.Count)
            {
                target.OnReply(frame);
            }
            else
            {
                _signedOut = !IsError(frame);
            }
            Finish();
        }

        public void OnFailure(string error)
        {
            var index = _received++;
            if (index <= frames.Count)
            {
                target.OnFailure(error);
            }
            if (index == 0)
            {
                session.OnUserRunDone(route, connection, gate, signedOut: false);
                return;
            }
            Finish();
        }

        private void Finish()
        {
            if (_received == _expected)
            {
                session.OnUserRunDone(route, connection, gate, _signedOut);
            }
        }

        private static bool IsError(in ReadOnlySequence<byte> frame) => frame.FirstSpan is [(byte)'-' or (byte)'!', ..];
    }
}
