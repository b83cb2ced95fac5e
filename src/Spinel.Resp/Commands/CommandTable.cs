using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Commands;

/// <summary>
/// The redis 7.0 command table (commands and subcommands), generated from a real redis-server into
/// CommandTable.Generated.cs. Lookups are case-insensitive and allocation-free. Thread-safe (read-only).
/// </summary>
public static partial class CommandTable
{
    // Longest names are about 40 chars ("cluster|count-failure-reports"); longer input cannot be a command.
    private const int MaxNameChars = 64;

    private static readonly CommandInfo[] Commands = CreateCommands();
    private static readonly Dictionary<string, CommandInfo> ByName = BuildIndex(Commands);
    private static readonly Dictionary<string, CommandInfo>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Top-level commands (subcommands hang off their container), sorted by name.</summary>
    public static IReadOnlyCollection<CommandInfo> All { get; } = new ReadOnlyCollection<CommandInfo>(Commands);

    /// <summary>
    /// Finds a command by name, ignoring case; <c>container|sub</c> names (<c>object|encoding</c>) find subcommands.
    /// </summary>
    public static bool TryGet(ReadOnlySpan<byte> name, [MaybeNullWhen(false)] out CommandInfo info)
    {
        Span<char> chars = stackalloc char[MaxNameChars];
        if (!AsciiUpper.TryToUpperChars(name, chars, out var written))
        {
            info = null;
            return false;
        }
        return ByNameSpan.TryGetValue(chars[..written], out info);
    }

    /// <summary>Finds a command by name (see <see cref="TryGet(ReadOnlySpan{byte}, out CommandInfo)"/>).</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out CommandInfo info) => ByName.TryGetValue(name, out info);

    /// <summary>
    /// The command a request runs: for a container command with a subcommand argument, that subcommand, or the container
    /// itself when the subcommand is unknown (so the caller can answer redis's "unknown subcommand" error).
    /// Null when argument 0 names no command.
    /// </summary>
    public static CommandInfo? Resolve(RespRequest request)
    {
        if (request.ArgCount == 0 || !TryGet(request[0], out var info) || info.Container is not null)
        {
            return null;
        }
        if (!info.IsContainer || request.ArgCount < 2)
        {
            return info;
        }
        return TryGetSubcommand(info, request[1], out var sub) ? sub : info;
    }

    /// <summary>Redis's arity rule: a positive arity is the exact argument count, a negative one the minimum (-arity).</summary>
    public static bool CheckArity(CommandInfo info, int argCount) =>
        info.Arity >= 0 ? argCount == info.Arity : argCount >= -info.Arity;

    internal static bool TryGetSubcommand(CommandInfo container, ReadOnlySpan<byte> subName, [MaybeNullWhen(false)] out CommandInfo sub)
    {
        Span<char> chars = stackalloc char[MaxNameChars];
        var name = container.Name;
        if (name.Length + 1 + subName.Length > MaxNameChars
            || !AsciiUpper.TryToUpperChars(subName, chars[(name.Length + 1)..], out var written))
        {
            sub = null;
            return false;
        }
        name.AsSpan().CopyTo(chars);
        chars[name.Length] = '|';
        return ByNameSpan.TryGetValue(chars[..(name.Length + 1 + written)], out sub) && sub.Container == container;
    }

    private static Dictionary<string, CommandInfo> BuildIndex(CommandInfo[] commands)
    {
        var index = new Dictionary<string, CommandInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            index.Add(command.Name, command);
            foreach (var sub in command.SubcommandArray)
            {
                index.Add(sub.Name, sub);
            }
        }
        return index;
    }
}
