using System.Buffers;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

public static partial class CommandReplyWriter
{
    /// <summary>
    /// Writes one COMMAND INFO entry: name, arity, flags, first/last/step, ACL categories, tips, key specs, subcommands.
    /// </summary>
    public static void WriteCommandInfo(CommandInfo info, IBufferWriter<byte> writer, int protocol)
    {
        RespWriter.WriteArrayHeader(writer, 10);
        RespWriter.WriteBulkString(writer, info.Name);
        RespWriter.WriteInteger(writer, info.Arity);
        WriteCommandFlags(info.Flags, writer, protocol);
        RespWriter.WriteInteger(writer, info.FirstKey);
        RespWriter.WriteInteger(writer, info.LastKey);
        RespWriter.WriteInteger(writer, info.Step);
        WriteAclCategories(info.AclCategories, writer, protocol);

        WriteSetHeader(writer, info.Tips.Count, protocol);
        foreach (var tip in info.Tips)
        {
            RespWriter.WriteBulkString(writer, tip);
        }

        // Redis 7.0 writes the key specs as a set in RESP3.
        WriteSetHeader(writer, info.KeySpecArray.Length, protocol);
        foreach (var spec in info.KeySpecArray)
        {
            WriteKeySpec(spec, writer, protocol);
        }

        // ... and an empty set for "no subcommands", but an array when there are some.
        if (!info.IsContainer)
        {
            WriteSetHeader(writer, 0, protocol);
            return;
        }
        RespWriter.WriteArrayHeader(writer, info.SubcommandArray.Length);
        foreach (var sub in info.SubcommandArray)
        {
            WriteCommandInfo(sub, writer, protocol);
        }
    }

    private static void WriteCommandFlags(CommandFlags flags, IBufferWriter<byte> writer, int protocol) =>
        WriteNameSet(flags, RedisNames.CommandFlags, prefix: "", writer, protocol);

    private static void WriteAclCategories(AclCategories categories, IBufferWriter<byte> writer, int protocol) =>
        WriteNameSet(categories, RedisNames.AclCategories, prefix: "@", writer, protocol);

    internal static void WriteKeySpecFlags(KeySpecFlags flags, IBufferWriter<byte> writer, int protocol) =>
        WriteNameSet(flags, RedisNames.KeySpecFlags, prefix: "", writer, protocol);

    // Writes, as a set of simple strings, the redis name of every flag present in value, in redis's order.
    private static void WriteNameSet<T>(T value, (T Flag, string Name)[] names, string prefix, IBufferWriter<byte> writer, int protocol)
        where T : struct, Enum
    {
        var present = names.Where(n => value.HasFlag(n.Flag)).ToList();
        WriteSetHeader(writer, present.Count, protocol);
        foreach (var (_, name) in present)
        {
            RespWriter.WriteSimpleString(writer, prefix + name);
        }
    }

    private static void WriteKeySpec(KeySpec spec, IBufferWriter<byte> writer, int protocol)
    {
        RespWriter.WriteMapHeader(writer, spec.Notes is null ? 3 : 4, protocol);
        if (spec.Notes is not null)
        {
            RespWriter.WriteBulkString(writer, "notes"u8);
            RespWriter.WriteBulkString(writer, spec.Notes);
        }
        RespWriter.WriteBulkString(writer, "flags"u8);
        WriteKeySpecFlags(spec.Flags, writer, protocol);

        RespWriter.WriteBulkString(writer, "begin_search"u8);
        RespWriter.WriteMapHeader(writer, 2, protocol);
        RespWriter.WriteBulkString(writer, "type"u8);
        var begin = spec.BeginSearch;
        switch (begin.Type)
        {
            case BeginSearchType.Index:
                RespWriter.WriteBulkString(writer, "index"u8);
                RespWriter.WriteBulkString(writer, "spec"u8);
                RespWriter.WriteMapHeader(writer, 1, protocol);
                WriteField(writer, "index"u8, begin.Index);
                break;
            case BeginSearchType.Keyword:
                RespWriter.WriteBulkString(writer, "keyword"u8);
                RespWriter.WriteBulkString(writer, "spec"u8);
                RespWriter.WriteMapHeader(writer, 2, protocol);
                RespWriter.WriteBulkString(writer, "keyword"u8);
                RespWriter.WriteBulkString(writer, begin.Keyword ?? "");
                WriteField(writer, "startfrom"u8, begin.StartFrom);
                break;
            default:
                RespWriter.WriteBulkString(writer, "unknown"u8);
                RespWriter.WriteBulkString(writer, "spec"u8);
                RespWriter.WriteMapHeader(writer, 0, protocol);
                break;
        }

        RespWriter.WriteBulkString(writer, "find_keys"u8);
        RespWriter.WriteMapHeader(writer, 2, protocol);
        RespWriter.WriteBulkString(writer, "type"u8);
        var find = spec.FindKeys;
        switch (find.Type)
        {
            case FindKeysType.Range:
                RespWriter.WriteBulkString(writer, "range"u8);
                RespWriter.WriteBulkString(writer, "spec"u8);
                RespWriter.WriteMapHeader(writer, 3, protocol);
                WriteField(writer, "lastkey"u8, find.LastKey);
                WriteField(writer, "keystep"u8, find.KeyStep);
                WriteField(writer, "limit"u8, find.Limit);
                break;
            case FindKeysType.KeyNum:
                RespWriter.WriteBulkString(writer, "keynum"u8);
                RespWriter.WriteBulkString(writer, "spec"u8);
                RespWriter.WriteMapHeader(writer, 3, protocol);
                WriteField(writer, "keynumidx"u8, find.KeyNumIndex);
                WriteField(writer, "firstkey"u8, find.FirstKey);
                WriteField(writer, "keystep"u8, find.KeyStep);
                break;
            default:
                RespWriter.WriteBulkString(writer, "unknown"u8);
                RespWriter.WriteBulkString(writer, "spec"u8);
                RespWriter.WriteMapHeader(writer, 0, protocol);
                break;
        }
    }

    private static void WriteField(IBufferWriter<byte> writer, ReadOnlySpan<byte> name, long value)
    {
        RespWriter.WriteBulkString(writer, name);
        RespWriter.WriteInteger(writer, value);
    }
}
