namespace Spinel.Resp.Commands;

/// <summary>A key argument of a request: its index (the command name is 0) and how the command uses it.</summary>
public readonly record struct KeyReference(int Index, KeySpecFlags Flags);
