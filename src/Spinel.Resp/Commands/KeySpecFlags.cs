namespace Spinel.Resp.Commands;

/// <summary>Flags of a key spec (redis 7.0 <c>CMD_KEY_*</c>), declared in the order redis writes them.</summary>
[Flags]
public enum KeySpecFlags : ushort
{
    None = 0,

    /// <summary><c>RO</c>: reads the value, never changes it.</summary>
    ReadOnly = 1 << 0,

    /// <summary><c>RW</c>: reads and modifies the value.</summary>
    ReadWrite = 1 << 1,

    /// <summary><c>OW</c>: overwrites the value without reading it.</summary>
    Overwrite = 1 << 2,

    /// <summary><c>RM</c>: deletes the key.</summary>
    Remove = 1 << 3,

    Access = 1 << 4,
    Update = 1 << 5,
    Insert = 1 << 6,
    Delete = 1 << 7,

    /// <summary><c>not_key</c>: the argument is a shard channel, not a key, but hashes to a slot like one.</summary>
    NotKey = 1 << 8,

    /// <summary><c>incomplete</c>: the spec may miss keys; redis falls back to command-specific code.</summary>
    Incomplete = 1 << 9,

    /// <summary><c>variable_flags</c>: the real flags depend on the other arguments.</summary>
    VariableFlags = 1 << 10,
}
