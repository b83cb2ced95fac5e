using System.Buffers;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

public static partial class CommandReplyWriter
{
    // COMMAND GETKEYS|GETKEYSANDFLAGS command arg ...: the keys of the embedded command line, with redis's errors.
    private static void WriteGetKeys(RespRequest request, IBufferWriter<byte> writer, int protocol, bool withFlags)
    {
        var argc = request.ArgCount - 2;
        var target = FindGetKeysTarget(request);
        if (target is null)
        {
            RespWriter.WriteError(writer, "ERR Invalid command specified");
            return;
        }
        if (!target.HasKeys)
        {
            RespWriter.WriteError(writer, "ERR The command has no key arguments");
            return;
        }
        if (!CommandTable.CheckArity(target, argc))
        {
            RespWriter.WriteError(writer, "ERR Invalid number of arguments specified for command");
            return;
        }

        var args = new byte[argc][];
        for (var i = 0; i < argc; i++)
        {
            args[i] = request[i + 2].ToArray();
        }
        var embedded = new RespRequest();
        embedded.LoadFromArgs(args);
        var keys = new List<KeyReference>();
        KeyExtractor.GetKeysStrict(target, embedded, keys);

        if (keys.Count == 0)
        {
            if ((target.Flags & CommandFlags.NoMandatoryKeys) != 0)
            {
                RespWriter.WriteArrayHeader(writer, 0);
            }
            else
            {
                RespWriter.WriteError(writer, "ERR Invalid arguments specified for command");
            }
            return;
        }
        RespWriter.WriteArrayHeader(writer, keys.Count);
        foreach (var key in keys)
        {
            if (withFlags)
            {
                RespWriter.WriteArrayHeader(writer, 2);
                RespWriter.WriteBulkString(writer, args[key.Index]);
                WriteKeySpecFlags(key.Flags, writer, protocol);
            }
            else
            {
                RespWriter.WriteBulkString(writer, args[key.Index]);
            }
        }
    }

    // Like redis's lookup of an argv: the command by its base name, then the subcommand when it is a container.
    private static CommandInfo? FindGetKeysTarget(RespRequest request)
    {
        if (!CommandTable.TryGet(request[2], out var command) || command.Container is not null)
        {
            return null;
        }
        if (!command.IsContainer || request.ArgCount == 3)
        {
            return command;
        }
        return CommandTable.TryGetSubcommand(command, request[3], out var sub) ? sub : null;
    }
}
