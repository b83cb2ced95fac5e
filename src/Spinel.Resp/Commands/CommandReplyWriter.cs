using System.Buffers;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

/// <summary>
/// Answers the COMMAND command (and its subcommands) from <see cref="CommandTable"/> in the shape redis-server 7.0
/// uses: RESP2 arrays, or for RESP3 clients the sets and maps redis writes. Thread-safe.
/// </summary>
public static partial class CommandReplyWriter
{
    private static readonly CommandInfo CommandCommand = CommandTable.TryGet("command", out var info)
        ? info
        : throw new InvalidOperationException("the command table has no COMMAND entry");

    private static readonly string[] HelpLines =
    [
        "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "(no subcommand)",
        "    Return details about every command.",
        "COUNT",
        "    Return the number of commands.",
        "LIST [FILTERBY (MODULE <module-name>|ACLCAT <category>|PATTERN <pattern>)]",
        "    Return the names of all commands, or of those matching the filter.",
        "INFO [<command-name> ...]",
        "    Return details about the named commands, or about every command.",
        "DOCS [<command-name> ...]",
        "    Return documentation of the named commands, or of every command.",
        "GETKEYS <full-command>",
        "    Return the keys of a full command line.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys of a full command line and how the command uses them.",
        "HELP",
        "    Print this help.",
    ];

    /// <summary>
    /// Writes the reply to <paramref name="request"/>, a COMMAND request (argument 0 is COMMAND, in any case), including
    /// redis's errors for an unknown subcommand or a wrong argument count. <paramref name="protocol"/> is 2 or 3.
    /// </summary>
    public static void Write(RespRequest request, IBufferWriter<byte> writer, int protocol)
    {
        if (request.ArgCount <= 1)
        {
            WriteAll(writer, protocol);
            return;
        }
        if (!CommandTable.TryGetSubcommand(CommandCommand, request[1], out var sub))
        {
            RespWriter.WriteError(writer, "ERR unknown subcommand '" + Sanitize(request[1], 128) + "'. Try COMMAND HELP.");
            return;
        }
        if (!CommandTable.CheckArity(sub, request.ArgCount))
        {
            RespWriter.WriteError(writer, "ERR wrong number of arguments for '" + sub.Name + "' command");
            return;
        }
        switch (sub.Name)
        {
            case "command|count":
                RespWriter.WriteInteger(writer, CommandTable.All.Count);
                break;
            case "command|info":
                WriteInfo(request, writer, protocol);
                break;
            case "command|list":
                WriteList(request, writer);
                break;
            case "command|docs":
                WriteDocs(request, writer, protocol);
                break;
            case "command|getkeys":
                WriteGetKeys(request, writer, protocol, withFlags: false);
                break;
            case "command|getkeysandflags":
                WriteGetKeys(request, writer, protocol, withFlags: true);
                break;
            case "command|help":
                RespWriter.WriteArrayHeader(writer, HelpLines.Length);
                foreach (var line in HelpLines)
                {
                    RespWriter.WriteSimpleString(writer, line);
                }
                break;
            default:
                RespWriter.WriteError(writer, "ERR unknown subcommand '" + sub.Name + "'. Try COMMAND HELP.");
                break;
        }
    }

    private static void WriteAll(IBufferWriter<byte> writer, int protocol)
    {
        RespWriter.WriteArrayHeader(writer, CommandTable.All.Count);
        foreach (var command in CommandTable.All)
        {
            WriteCommandInfo(command, writer, protocol);
        }
    }

    private static void WriteInfo(RespRequest request, IBufferWriter<byte> writer, int protocol)
    {
        if (request.ArgCount == 2)
        {
            WriteAll(writer, protocol);
            return;
        }
        RespWriter.WriteArrayHeader(writer, request.ArgCount - 2);
        for (var i = 2; i < request.ArgCount; i++)
        {
            if (CommandTable.TryGet(request[i], out var info))
            {
                WriteCommandInfo(info, writer, protocol);
            }
            else
            {
                RespWriter.WriteNull(writer, protocol);
            }
        }
    }

    private static void WriteSetHeader(IBufferWriter<byte> writer, int count, int protocol) =>
        RespWriter.WriteHeader(writer, protocol >= 3 ? (byte)'~' : (byte)'*', count);

    // Error lines must stay on one line; redis also cuts echoed arguments short.
    private static string Sanitize(ReadOnlySpan<byte> value, int maxBytes)
    {
        var text = Encoding.UTF8.GetString(value[..Math.Min(value.Length, maxBytes)]);
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }
}
