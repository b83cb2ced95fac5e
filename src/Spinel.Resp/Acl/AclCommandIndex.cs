using Spinel.Resp.Commands;

namespace Spinel.Resp.Acl;

/// <summary>
/// Numbers every command and subcommand of <see cref="CommandTable"/> for the ACL command bitmaps: table order, each
/// container followed by its subcommands (the order rule descriptions use). Read-only after start-up.
/// </summary>
internal static class AclCommandIndex
{
    private static readonly Dictionary<CommandInfo, int> Ids = new(ReferenceEqualityComparer.Instance);

    public static readonly CommandInfo[] ById = Build();

    public static int Count => ById.Length;

    public static int WordCount => (ById.Length + 63) / 64;

    /// <summary>The id of a command or subcommand, or -1 for one that is not part of the table.</summary>
    public static int IdOf(CommandInfo info) => Ids.TryGetValue(info, out var id) ? id : -1;

    /// <summary>
    /// Redis's name lookup for rules: <c>cmd</c> or <c>container|sub</c>, case-insensitive; a <c>|</c> after a command
    /// without subcommands, or more than one <c>|</c>, names nothing.
    /// </summary>
    public static CommandInfo? Lookup(string name)
    {
        var bar = name.IndexOf('|', StringComparison.Ordinal);
        var baseName = bar < 0 ? name : name[..bar];
        if (baseName.Length == 0 || !CommandTable.TryGet(baseName, out var command) || command.Container is not null)
        {
            return null;
        }
        if (bar < 0)
        {
            return command;
        }
        var subName = name[(bar + 1)..];
        if (!command.IsContainer || subName.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }
        return CommandTable.TryGet(command.Name + "|" + subName, out var sub) && sub.Container == command ? sub : null;
    }

    private static CommandInfo[] Build()
    {
        var all = new List<CommandInfo>();
        foreach (var command in CommandTable.All)
        {
            all.Add(command);
            all.AddRange(command.Subcommands);
        }
        for (var i = 0; i < all.Count; i++)
        {
            Ids.Add(all[i], i);
        }
        return all.ToArray();
    }
}
