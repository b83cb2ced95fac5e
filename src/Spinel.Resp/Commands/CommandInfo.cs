namespace Spinel.Resp.Commands;

/// <summary>
/// What redis 7.0 says about one command or subcommand (one <c>COMMAND INFO</c> entry). Immutable; shared by all sessions.
/// </summary>
public sealed class CommandInfo
{
    private readonly KeySpec[] _keySpecs;
    private readonly CommandInfo[] _subcommands;

    public CommandInfo(
        string name,
        int arity,
        CommandFlags flags,
        int firstKey,
        int lastKey,
        int step,
        AclCategories aclCategories,
        string[]? tips = null,
        KeySpec[]? keySpecs = null,
        CommandInfo[]? subcommands = null)
    {
        Name = name;
        Arity = arity;
        Flags = flags;
        FirstKey = firstKey;
        LastKey = lastKey;
        Step = step;
        AclCategories = aclCategories;
        Tips = tips ?? [];
        _keySpecs = keySpecs ?? [];
        _subcommands = subcommands ?? [];
        foreach (var sub in _subcommands)
        {
            sub.Container = this;
        }
        HasKeys = Array.Exists(_keySpecs, s => (s.Flags & KeySpecFlags.NotKey) == 0);
        KeyFinder = ChooseKeyFinder(name, _keySpecs);
    }

    /// <summary>Lower-case name as redis reports it: <c>get</c>, or <c>object|encoding</c> for a subcommand.</summary>
    public string Name { get; }

    /// <summary>Argument count including the command name (and subcommand name): exact when positive, at least -Arity when negative.</summary>
    public int Arity { get; }

    public CommandFlags Flags { get; }

    /// <summary>Legacy key position of the first key (0 when none); prefer <see cref="KeySpecs"/>.</summary>
    public int FirstKey { get; }

    /// <summary>Legacy key position of the last key; negative counts from the end.</summary>
    public int LastKey { get; }

    public int Step { get; }

    public AclCategories AclCategories { get; }

    /// <summary>Redis's hints for clients and proxies, e.g. <c>request_policy:all_shards</c>, <c>nondeterministic_output</c>.</summary>
    public IReadOnlyList<string> Tips { get; }

    public IReadOnlyList<KeySpec> KeySpecs => _keySpecs;

    /// <summary>Subcommands of a container command (OBJECT, CONFIG ...), sorted by name; empty otherwise.</summary>
    public IReadOnlyList<CommandInfo> Subcommands => _subcommands;

    /// <summary>The container command of a subcommand; null for a top-level command.</summary>
    public CommandInfo? Container { get; private set; }

    public bool IsContainer => _subcommands.Length > 0;

    /// <summary>True when at least one key spec names keys (not shard channels); COMMAND GETKEYS refuses commands without.</summary>
    public bool HasKeys { get; }

    internal KeySpec[] KeySpecArray => _keySpecs;

    internal CommandInfo[] SubcommandArray => _subcommands;

    internal KeyFinder KeyFinder { get; }

    public override string ToString() => Name;

    // Specs marked unknown or incomplete need command-specific code, as in redis; sort_ro's unknown spec stands for
    // BY/GET patterns whose keys come from the sorted values, so the complete spec (the sorted key) is all there is.
    private static KeyFinder ChooseKeyFinder(string name, KeySpec[] specs)
    {
        if (!Array.Exists(specs, s => s.IsIncomplete))
        {
            return KeyFinder.Specs;
        }
        return name switch
        {
            "sort" => KeyFinder.Sort,
            "migrate" => KeyFinder.Migrate,
            _ => KeyFinder.Specs,
        };
    }
}
