using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Discovery.Sessions;

internal sealed partial class SentinelSession
{
    private void Execute()
    {
        var (command, arity) = DiscoveryCommandTable.Find(_request[0]);
        if (command == DiscoveryCommand.Unknown)
        {
            UnknownCommand();
            return;
        }
        if (!DiscoveryCommandTable.ArityOk(arity, _request.ArgCount))
        {
            Error($"ERR wrong number of arguments for '{FullName(command)}' command");
            return;
        }
        if (Protocol < 3 && IsSubscribed && command is not (DiscoveryCommand.Subscribe or DiscoveryCommand.PSubscribe or
                DiscoveryCommand.Unsubscribe or DiscoveryCommand.PUnsubscribe or DiscoveryCommand.Ping or DiscoveryCommand.Quit or DiscoveryCommand.Reset))
        {
            Error($"ERR Can't execute '{FullName(command)}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return;
        }
        switch (command)
        {
            case DiscoveryCommand.Ping: Ping(); break;
            case DiscoveryCommand.Echo: RespWriter.WriteBulkString(_reply, _request[1]); break;
            case DiscoveryCommand.Auth: Auth(); break;
            case DiscoveryCommand.Hello: Hello(); break;
            case DiscoveryCommand.Client: Client(); break;
            case DiscoveryCommand.Info: Info(); break;
            case DiscoveryCommand.Role: Role(); break;
            case DiscoveryCommand.Sentinel: Sentinel(); break;
            case DiscoveryCommand.Subscribe: Subscribe(pattern: false); break;
            case DiscoveryCommand.PSubscribe: Subscribe(pattern: true); break;
            case DiscoveryCommand.Unsubscribe: Unsubscribe(pattern: false); break;
            case DiscoveryCommand.PUnsubscribe: Unsubscribe(pattern: true); break;
            case DiscoveryCommand.Config: Config(); break;
            case DiscoveryCommand.Command: EmptyCollection(); break;
            case DiscoveryCommand.Reset: Reset(); break;
            case DiscoveryCommand.Quit: Quit(); break;
        }
    }

    private string Arg(int index) => _request.GetString(index);

    // Redis names a subcommand "command|subcommand" in its errors.
    private string FullName(DiscoveryCommand command)
    {
        var name = Encoding.Latin1.GetString(_request[0]).ToLowerInvariant();
        return command is DiscoveryCommand.Sentinel or DiscoveryCommand.Client or DiscoveryCommand.Config && _request.ArgCount > 1
            ? $"{name}|{Arg(1).ToLowerInvariant()}"
            : name;
    }

    private void UnknownCommand()
    {
        var args = new StringBuilder();
        for (var i = 1; i < _request.ArgCount && args.Length < 128; i++)
        {
            var arg = Arg(i);
            args.Append('\'').Append(arg.AsSpan(0, Math.Min(arg.Length, 128 - args.Length))).Append("' ");
        }
        var name = Arg(0);
        Error($"ERR unknown command '{name[..Math.Min(name.Length, 128)]}', with args beginning with: {args}");
    }

    private void UnknownSubcommand()
    {
        var sub = Arg(1);
        Error($"ERR unknown subcommand '{sub[..Math.Min(sub.Length, 128)]}'. Try {Arg(0).ToUpperInvariant()} HELP.");
    }

    private void Error(string message) =>
        RespWriter.WriteError(_reply, message.Replace('\r', ' ').Replace('\n', ' '));

    private void Ok() => RespWriter.WriteRaw(_reply, "+OK\r\n"u8);

    private void EmptyCollection() => RespWriter.WriteArrayHeader(_reply, 0);
}
