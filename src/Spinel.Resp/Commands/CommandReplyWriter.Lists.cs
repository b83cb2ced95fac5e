using System.Buffers;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

public static partial class CommandReplyWriter
{
    // COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN glob]: names of commands and subcommands.
    private static void WriteList(RespRequest request, IBufferWriter<byte> writer)
    {
        Func<CommandInfo, bool> filter;
        if (request.ArgCount == 2)
        {
            filter = static _ => true;
        }
        else if (request.ArgCount == 5 && request.ArgEquals(2, "FILTERBY"u8))
        {
            var value = request.GetString(4);
            if (request.ArgEquals(3, "MODULE"u8))
            {
                // No modules are loaded behind the proxy.
                filter = static _ => false;
            }
            else if (request.ArgEquals(3, "ACLCAT"u8))
            {
                var category = FindAclCategory(value);
                filter = c => category != AclCategories.None && (c.AclCategories & category) != 0;
            }
            else if (request.ArgEquals(3, "PATTERN"u8))
            {
                filter = c => GlobPattern.IsMatch(value, c.Name, ignoreCase: true);
            }
            else
            {
                RespWriter.WriteError(writer, "ERR syntax error");
                return;
            }
        }
        else
        {
            RespWriter.WriteError(writer, "ERR syntax error");
            return;
        }

        var names = new List<string>();
        foreach (var command in CommandTable.All)
        {
            if (filter(command))
            {
                names.Add(command.Name);
            }
            foreach (var sub in command.SubcommandArray)
            {
                if (filter(sub))
                {
                    names.Add(sub.Name);
                }
            }
        }
        RespWriter.WriteArrayHeader(writer, names.Count);
        foreach (var name in names)
        {
            RespWriter.WriteBulkString(writer, name);
        }
    }

    // COMMAND DOCS [name ...]: a name-to-docs map; the proxy carries no documentation, so each entry is an empty map.
    // Unknown names are left out, as redis does.
    private static void WriteDocs(RespRequest request, IBufferWriter<byte> writer, int protocol)
    {
        var found = new List<CommandInfo>();
        if (request.ArgCount == 2)
        {
            found.AddRange(CommandTable.All);
        }
        else
        {
            for (var i = 2; i < request.ArgCount; i++)
            {
                if (CommandTable.TryGet(request[i], out var info))
                {
                    found.Add(info);
                }
            }
        }
        RespWriter.WriteMapHeader(writer, found.Count, protocol);
        foreach (var info in found)
        {
            RespWriter.WriteBulkString(writer, info.Name);
            RespWriter.WriteMapHeader(writer, 0, protocol);
        }
    }

    private static AclCategories FindAclCategory(string name)
    {
        foreach (var (category, categoryName) in RedisNames.AclCategories)
        {
            if (string.Equals(categoryName, name, StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }
        return AclCategories.None;
    }
}
