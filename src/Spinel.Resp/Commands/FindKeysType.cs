namespace Spinel.Resp.Commands;

/// <summary>How a key spec finds the keys after the first one.</summary>
public enum FindKeysType : byte
{
    /// <summary>The spec cannot be evaluated; command-specific code must find the keys.</summary>
    Unknown,

    /// <summary>A range (possibly up to the end of the arguments) with a step.</summary>
    Range,

    /// <summary>An argument gives the number of keys that follow.</summary>
    KeyNum,
}
