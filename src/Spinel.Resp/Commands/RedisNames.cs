namespace Spinel.Resp.Commands;

/// <summary>The names redis uses for flags and categories in replies, in the order redis writes them.</summary>
internal static class RedisNames
{
    // Redis hides may_replicate, sentinel, only_sentinel and protected from COMMAND; so do we.
    public static readonly (CommandFlags Flag, string Name)[] CommandFlags =
    [
        (Commands.CommandFlags.Write, "write"),
        (Commands.CommandFlags.ReadOnly, "readonly"),
        (Commands.CommandFlags.DenyOom, "denyoom"),
        (Commands.CommandFlags.Module, "module"),
        (Commands.CommandFlags.Admin, "admin"),
        (Commands.CommandFlags.PubSub, "pubsub"),
        (Commands.CommandFlags.NoScript, "noscript"),
        (Commands.CommandFlags.Blocking, "blocking"),
        (Commands.CommandFlags.Loading, "loading"),
        (Commands.CommandFlags.Stale, "stale"),
        (Commands.CommandFlags.SkipMonitor, "skip_monitor"),
        (Commands.CommandFlags.SkipSlowlog, "skip_slowlog"),
        (Commands.CommandFlags.Asking, "asking"),
        (Commands.CommandFlags.Fast, "fast"),
        (Commands.CommandFlags.NoAuth, "no_auth"),
        (Commands.CommandFlags.NoMandatoryKeys, "no_mandatory_keys"),
        (Commands.CommandFlags.NoAsyncLoading, "no_async_loading"),
        (Commands.CommandFlags.NoMulti, "no_multi"),
        (Commands.CommandFlags.MovableKeys, "movablekeys"),
        (Commands.CommandFlags.AllowBusy, "allow_busy"),
    ];

    public static readonly (AclCategories Category, string Name)[] AclCategories =
    [
        (Commands.AclCategories.Keyspace, "keyspace"),
        (Commands.AclCategories.Read, "read"),
        (Commands.AclCategories.Write, "write"),
        (Commands.AclCategories.Set, "set"),
        (Commands.AclCategories.SortedSet, "sortedset"),
        (Commands.AclCategories.List, "list"),
        (Commands.AclCategories.Hash, "hash"),
        (Commands.AclCategories.String, "string"),
        (Commands.AclCategories.Bitmap, "bitmap"),
        (Commands.AclCategories.HyperLogLog, "hyperloglog"),
        (Commands.AclCategories.Geo, "geo"),
        (Commands.AclCategories.Stream, "stream"),
        (Commands.AclCategories.PubSub, "pubsub"),
        (Commands.AclCategories.Admin, "admin"),
        (Commands.AclCategories.Fast, "fast"),
        (Commands.AclCategories.Slow, "slow"),
        (Commands.AclCategories.Blocking, "blocking"),
        (Commands.AclCategories.Dangerous, "dangerous"),
        (Commands.AclCategories.Connection, "connection"),
        (Commands.AclCategories.Transaction, "transaction"),
        (Commands.AclCategories.Scripting, "scripting"),
    ];

    public static readonly (KeySpecFlags Flag, string Name)[] KeySpecFlags =
    [
        (Commands.KeySpecFlags.ReadOnly, "RO"),
        (Commands.KeySpecFlags.ReadWrite, "RW"),
        (Commands.KeySpecFlags.Overwrite, "OW"),
        (Commands.KeySpecFlags.Remove, "RM"),
        (Commands.KeySpecFlags.Access, "access"),
        (Commands.KeySpecFlags.Update, "update"),
        (Commands.KeySpecFlags.Insert, "insert"),
        (Commands.KeySpecFlags.Delete, "delete"),
        (Commands.KeySpecFlags.NotKey, "not_key"),
        (Commands.KeySpecFlags.Incomplete, "incomplete"),
        (Commands.KeySpecFlags.VariableFlags, "variable_flags"),
    ];
}
